"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { cardDetailsInput, type CardDetailsEntered, type CardDetailsForm } from "@/lib/gateway/sandbox/card-input";
import type { CardFormResult } from "../../actions";
import { BankField } from "../../_components/bank-field";
import styles from "../../gateway.module.css";

type Props = {
  enter: (values: CardDetailsForm) => Promise<CardFormResult>;
  abandon: () => Promise<void>;
};

const fields: { name: keyof CardDetailsForm; label: string; autoComplete: string; inputMode?: "numeric"; placeholder?: string; maxLength: number }[] = [
  { name: "number", label: "Numero carta", autoComplete: "cc-number", inputMode: "numeric", placeholder: "1234 5678 9012 3456", maxLength: 23 },
  { name: "expiry", label: "Scadenza (MM/AA)", autoComplete: "cc-exp", inputMode: "numeric", placeholder: "MM/AA", maxLength: 7 },
  { name: "cvv", label: "CVV", autoComplete: "cc-csc", inputMode: "numeric", maxLength: 4 },
  { name: "holder", label: "Intestatario", autoComplete: "cc-name", maxLength: 60 },
];

/**
 * The card form. Checked here for instant messages and again by the bank's server action, which
 * answers with messages only: what was typed is never sent back, so it is not in any response.
 */
export function CardForm({ enter, abandon }: Props) {
  const form = useForm<CardDetailsForm, unknown, CardDetailsEntered>({
    resolver: zodResolver(cardDetailsInput),
    defaultValues: { number: "", expiry: "", cvv: "", holder: "" },
  });
  const [unavailable, setUnavailable] = useState(false);

  async function onSubmit() {
    setUnavailable(false);
    try {
      const result = await enter(form.getValues());
      for (const [name, message] of Object.entries(result?.fieldErrors ?? {})) form.setError(name as keyof CardDetailsForm, { message });
    } catch {
      setUnavailable(true);
    }
  }

  const { errors, isSubmitting } = form.formState;
  return (
    <>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Dati della carta">
        {unavailable ? (
          <p className={styles.alert} role="alert">
            La banca non risponde in questo momento. Riprova tra poco.
          </p>
        ) : null}
        {fields.map((f) => (
          <BankField
            key={f.name}
            label={f.label}
            autoComplete={f.autoComplete}
            inputMode={f.inputMode}
            placeholder={f.placeholder}
            maxLength={f.maxLength}
            spellCheck={false}
            autoCapitalize={f.name === "holder" ? "words" : "off"}
            error={errors[f.name]?.message}
            {...form.register(f.name)}
          />
        ))}
        <div className={styles.actions}>
          <button type="submit" className={styles.primary} disabled={isSubmitting}>
            Procedi
          </button>
          <button type="submit" form="gw-abandon" className={styles.secondary}>
            Annulla
          </button>
        </div>
      </form>
      <form id="gw-abandon" action={abandon} hidden />
    </>
  );
}
