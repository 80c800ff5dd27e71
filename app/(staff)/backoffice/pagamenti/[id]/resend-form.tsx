"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { resendReceiptInput, staffErrorKeys, type ResendReceiptFormValues } from "@/lib/staff/schemas";
import { resendReceiptAction } from "../actions";

type Output = { invoicePaymentId: string; to: string };

/** "Reinvia quietanza" to a corrected address: one per payment, ids keep the labels unique. */
export function ResendForm({ invoicePaymentId }: { invoicePaymentId: string }) {
  const t = useTranslations("backoffice");
  const [result, setResult] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const form = useForm<ResendReceiptFormValues, unknown, Output>({ resolver: zodResolver(resendReceiptInput), defaultValues: { invoicePaymentId, to: "" } });
  const issue = form.formState.errors.to?.message;
  const fieldError = issue ? t(`errors.${(staffErrorKeys as readonly string[]).includes(issue) ? (issue as (typeof staffErrorKeys)[number]) : "invalidEmail"}`) : undefined;

  async function onSubmit(values: Output) {
    setResult(null);
    const r = await resendReceiptAction(values).catch(() => null);
    if (r?.ok) {
      form.reset({ invoicePaymentId, to: "" });
      return setResult({ tone: "ok", text: t("invoice.resendDone", { number: r.receiptNumber, email: r.to }) });
    }
    setResult({ tone: "danger", text: t(`errors.${r ? r.error : "unavailable"}`) });
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label={t("invoice.resendTitle")}>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <input type="hidden" {...form.register("invoicePaymentId")} />
      <TextField id={`resend-${invoicePaymentId}`} label={t("invoice.resendLabel")} type="email" autoComplete="off" error={fieldError} {...form.register("to")} />
      <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("invoice.resending") : t("invoice.resendSubmit")}
      </Button>
    </form>
  );
}
