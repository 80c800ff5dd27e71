"use client";

import { useActionState } from "react";
import type { OtpFormState } from "../actions";
import { BankField } from "./bank-field";
import { SubmitButton } from "./submit-button";
import styles from "../gateway.module.css";

type Props = {
  confirm: (previous: OtpFormState, formData: FormData) => Promise<OtpFormState>;
  cancel: () => Promise<void>;
};

/** The issuer's one-time code. "Annulla" belongs to its own form, drawn beside "Conferma". */
export function OtpForm({ confirm, cancel }: Props) {
  const [state, action] = useActionState(confirm, { error: null });
  return (
    <>
      <form action={action} noValidate>
        <BankField
          label="Codice OTP"
          name="otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          hint="Sandbox: 123456"
          error={state.error ?? undefined}
          announceError
          required
        />
        <div className={styles.actions}>
          <SubmitButton>Conferma</SubmitButton>
          <button type="submit" form="gw-cancel-challenge" className={styles.secondary}>
            Annulla
          </button>
        </div>
      </form>
      <form id="gw-cancel-challenge" action={cancel} hidden />
    </>
  );
}
