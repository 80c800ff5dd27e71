import type { ComponentProps } from "react";
import styles from "../gateway.module.css";

type Props = ComponentProps<"input"> & { label: string; name: string; error?: string; hint?: string; announceError?: boolean };

/** A labelled input whose hint and error are read with it by screen readers. */
/** `announceError`: read the error out when it appears (a form whose focus does not move to it). */
export function BankField({ label, name, error, hint, id, announceError, ...props }: Props) {
  const inputId = id ?? `gw-${name}`;
  const described = [hint ? `${inputId}-hint` : "", error ? `${inputId}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={styles.field}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <span id={`${inputId}-hint`} className={styles.hint}>
          {hint}
        </span>
      ) : null}
      <input id={inputId} name={name} className={styles.input} aria-invalid={error ? true : undefined} aria-describedby={described || undefined} {...props} />
      {error ? (
        <span id={`${inputId}-error`} className={styles.error} role={announceError ? "alert" : undefined}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
