"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { paymentsListErrorKeys, paymentsListInput, type PaymentsListFormValues, type PaymentsListInput } from "@/lib/payments-list/schemas";
import { requestPaymentsListAction } from "./actions";

type ErrorKey = (typeof paymentsListErrorKeys)[number];

/** Customer code, tax id and period; deliberately no e-mail field: the list goes to the registered address. */
export function PaymentsListForm({ today, defaultFrom }: { today: string; defaultFrom: string }) {
  const t = useTranslations("paymentsList");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const defaults = { customerCode: "", taxId: "", from: defaultFrom, to: today };
  const form = useForm<PaymentsListFormValues, unknown, PaymentsListInput>({ resolver: zodResolver(paymentsListInput), defaultValues: defaults });
  const errors = form.formState.errors;

  function fieldError(name: keyof PaymentsListFormValues) {
    if (!errors[name]) return undefined;
    const message = errors[name]?.message ?? "";
    return t(`errors.${(paymentsListErrorKeys as readonly string[]).includes(message) ? (message as ErrorKey) : "required"}`);
  }

  async function onSubmit(values: PaymentsListInput) {
    setError(null);
    const result = await requestPaymentsListAction(values).catch(() => null);
    if (!result) return setError(t("form.unavailable"));
    if (result.ok) {
      form.reset(defaults);
      return setDone(true);
    }
    if (result.error === "rate_limited") setError(t("form.rateLimited", { minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)) }));
    else if (result.error === "invalid") setError(t("form.invalid"));
    else setError(t("form.unavailable"));
  }

  if (done) {
    return (
      <section className="card" aria-labelledby="payments-list-done">
        <h2 id="payments-list-done">{t("done.title")}</h2>
        <Alert tone="ok">{t("done.text")}</Alert>
        <Button type="button" variant="secondary" onClick={() => setDone(false)}>
          {t("done.another")}
        </Button>
      </section>
    );
  }

  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="card">
      {error ? <Alert tone="danger">{error}</Alert> : hasErrors ? <Alert tone="danger">{t("form.invalid")}</Alert> : null}
      <p className="muted">{t("form.intro")}</p>
      <TextField id="payments-list-customer-code" label={t("form.customerCode")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError("customerCode")} {...form.register("customerCode")} />
      <TextField id="payments-list-tax-id" label={t("form.taxId")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError("taxId")} {...form.register("taxId")} />
      <fieldset className="form-group" aria-describedby="payments-list-period-hint">
        <legend>{t("form.period")}</legend>
        <p id="payments-list-period-hint" className="muted">
          {t("form.periodHint")}
        </p>
        <div className="inline-form">
          <TextField id="payments-list-from" type="date" max={today} label={t("form.from")} error={fieldError("from")} {...form.register("from")} />
          <TextField id="payments-list-to" type="date" max={today} label={t("form.to")} error={fieldError("to")} {...form.register("to")} />
        </div>
      </fieldset>
      <p>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("form.submitting") : t("form.submit")}
        </Button>
      </p>
    </form>
  );
}
