"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { rule } from "@/lib/forms/checks";
import { payInvoiceChecks, payInvoiceErrorKeys, vatRegimes, type PayInvoiceField } from "@/lib/invoice-payments/form-checks";
import { lookupInvoiceAction } from "./actions";

export function PayInvoiceForm({ invoiceNumber }: { invoiceNumber?: string }) {
  const t = useTranslations("payInvoice");
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  // Kept disabled while the summary loads, so a second click prepares nothing more.
  const [sent, setSent] = useState(false);
  // The checks (form-checks.ts) are what payInvoiceInput checks on the server, without zod in the page.
  const form = useForm<Record<PayInvoiceField, string>>({ defaultValues: { invoiceNumber: invoiceNumber ?? "" } });
  const { errors, isSubmitting } = form.formState;
  const field = (name: PayInvoiceField) => form.register(name, rule(payInvoiceChecks[name]));

  function fieldError(name: PayInvoiceField) {
    const message = errors[name]?.message;
    if (!message) return undefined;
    return t(`errors.${(payInvoiceErrorKeys as readonly string[]).includes(message) ? (message as (typeof payInvoiceErrorKeys)[number]) : "required"}`);
  }

  /** The hint, and the error when there is one (TextField's own description is replaced by this). */
  function describedBy(id: string, name: PayInvoiceField) {
    return errors[name] ? `${id}-hint ${id}-error` : `${id}-hint`;
  }

  async function onSubmit(values: Record<PayInvoiceField, string>) {
    setRefusal(null);
    // The server parses the raw values again: send what was typed.
    const result = await lookupInvoiceAction(values).catch(() => null);
    if (result?.ok) {
      setSent(true);
      return router.push(result.summaryUrl);
    }
    if (!result || result.error === "unavailable") return setRefusal(t("form.unavailable"));
    if (result.error === "invalid") return setRefusal(t("form.invalid"));
    if (result.error === "rate_limited") return setRefusal(t("refusal.rate_limited", { minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)) }));
    setRefusal(t(`refusal.${result.error}`));
  }

  const regimeError = fieldError("regime");
  const hasErrors = Object.keys(errors).length > 0;
  const busy = isSubmitting || sent;

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="card">
      {refusal ? <Alert tone="danger">{refusal}</Alert> : hasErrors ? <Alert tone="danger">{t("form.invalid")}</Alert> : null}

      <fieldset className="form-group">
        <legend>{t("form.legend")}</legend>
        <TextField id="pay-invoice-number" label={t("form.invoiceNumber")} autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby={describedBy("pay-invoice-number", "invoiceNumber")} error={fieldError("invoiceNumber")} {...field("invoiceNumber")} />
        <p id="pay-invoice-number-hint" className="muted field-hint">{t("form.invoiceNumberHint")}</p>
        <TextField id="pay-invoice-customer-code" label={t("form.customerCode")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError("customerCode")} {...field("customerCode")} />

        <fieldset className="form-group" aria-describedby={regimeError ? "pay-invoice-regime-error" : undefined}>
          <legend>{t("form.regime")}</legend>
          {vatRegimes.map((r) => (
            <div key={r} className="choice">
              <input type="radio" id={`pay-invoice-regime-${r}`} value={r} aria-describedby={`pay-invoice-regime-${r}-hint`} {...field("regime")} />
              <label htmlFor={`pay-invoice-regime-${r}`}>{t(`form.regimes.${r}`)}</label>
              <span id={`pay-invoice-regime-${r}-hint`} className="muted hint">({t(`form.regimeHints.${r}`)})</span>
            </div>
          ))}
          {regimeError ? <span id="pay-invoice-regime-error" className="field-error">{regimeError}</span> : null}
        </fieldset>

        <TextField id="pay-invoice-amount" label={t("form.amount")} inputMode="decimal" autoComplete="off" aria-describedby={describedBy("pay-invoice-amount", "amount")} error={fieldError("amount")} {...field("amount")} />
        <p id="pay-invoice-amount-hint" className="muted field-hint">{t("form.amountHint")}</p>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t("form.payerLegend")}</legend>
        <TextField id="pay-invoice-payer-name" label={t("form.payerName")} autoComplete="name" error={fieldError("payerName")} {...field("payerName")} />
        <TextField id="pay-invoice-payer-tax-id" label={t("form.payerTaxId")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError("payerTaxId")} {...field("payerTaxId")} />
        <TextField id="pay-invoice-email" label={t("form.receiptEmail")} type="email" autoComplete="email" aria-describedby={describedBy("pay-invoice-email", "receiptEmail")} error={fieldError("receiptEmail")} {...field("receiptEmail")} />
        <p id="pay-invoice-email-hint" className="muted field-hint">{t("form.receiptEmailHint")}</p>
      </fieldset>

      <Button type="submit" disabled={busy}>
        {busy ? t("form.submitting") : t("form.submit")}
      </Button>
    </form>
  );
}
