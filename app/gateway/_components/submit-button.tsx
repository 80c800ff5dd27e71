"use client";

import { useFormStatus } from "react-dom";
import styles from "../gateway.module.css";

/** Disabled while its form is being sent, so a double click sends it once (the bank checks too). */
export function SubmitButton({ children, variant = "primary", form }: { children: React.ReactNode; variant?: "primary" | "secondary"; form?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" form={form} className={styles[variant]} disabled={pending} aria-disabled={pending}>
      {children}
    </button>
  );
}
