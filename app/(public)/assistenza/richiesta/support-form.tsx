"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import {
  reasonsByCategory,
  supportCategories,
  supportErrorKeys,
  supportRequestInput,
  type SupportCategory,
  type SupportRequestFormValues,
  type SupportRequestInput,
} from "@/lib/support/schemas";
import { submitSupportRequestAction } from "./actions";

type Prefill = { name?: string; email?: string; customerCode?: string; category?: SupportCategory };

export function SupportForm({ prefill }: { prefill?: Prefill }) {
  const t = useTranslations("support");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // Kept disabled while the confirmation page loads, so a second click sends nothing.
  const [sent, setSent] = useState(false);
  const form = useForm<SupportRequestFormValues, unknown, SupportRequestInput>({
    resolver: zodResolver(supportRequestInput),
    defaultValues: { name: prefill?.name ?? "", email: prefill?.email ?? "", customerCode: prefill?.customerCode ?? "", invoiceNumber: "", message: "", category: prefill?.category, reason: undefined },
  });
  const category = useWatch({ control: form.control, name: "category" });
  const reasons = category ? reasonsByCategory[category] : [];
  const errors = form.formState.errors;

  function fieldError(name: keyof SupportRequestFormValues) {
    const message = errors[name]?.message;
    if (!errors[name]) return undefined;
    return t(`errors.${(supportErrorKeys as readonly string[]).includes(message ?? "") ? (message as (typeof supportErrorKeys)[number]) : "required"}`);
  }

  async function onSubmit(values: SupportRequestInput) {
    setError(null);
    const result = await submitSupportRequestAction(values).catch(() => null);
    if (!result) return setError(t("form.unavailable"));
    if (result.ok) {
      setSent(true);
      return router.push(result.confirmationUrl);
    }
    if (result.error === "rate_limited") setError(t("form.rateLimited", { minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60)) }));
    else if (result.error === "invalid") setError(t("form.invalid"));
    else setError(t("form.unavailable"));
  }

  const hasErrors = Object.keys(errors).length > 0;
  const categoryError = fieldError("category");
  const reasonError = fieldError("reason");
  const messageError = fieldError("message");
  const reasonField = form.register("reason");

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="card">
      {error ? <Alert tone="danger">{error}</Alert> : hasErrors ? <Alert tone="danger">{t("form.invalid")}</Alert> : null}
      <p className="muted">{t("form.intro")}</p>

      <fieldset className="form-group" aria-describedby={categoryError ? "support-category-error" : undefined}>
        <legend>{t("form.category")}</legend>
        {supportCategories.map((c) => (
          <div key={c} className="choice">
            <input
              type="radio"
              id={`support-category-${c}`}
              value={c}
              aria-describedby={`support-category-${c}-hint`}
              {...form.register("category", {
                onChange: () => {
                  const reason = form.getValues("reason");
                  if (reason && !reasonsByCategory[c].includes(reason)) form.setValue("reason", undefined as never);
                },
              })}
            />
            <label htmlFor={`support-category-${c}`}>{t(`categories.${c}`)}</label>
            <span id={`support-category-${c}-hint`} className="muted hint">
              ({t(`categoryHints.${c}`)})
            </span>
          </div>
        ))}
        {categoryError ? (
          <span id="support-category-error" className="field-error">
            {categoryError}
          </span>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor="support-reason">{t("form.reason")}</label>
        <select
          id="support-reason"
          className="input"
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "support-reason-error" : undefined}
          defaultValue=""
          {...reasonField}
        >
          <option value="">{category ? t("form.reasonPlaceholder") : t("form.reasonChooseCategory")}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </select>
        {reasonError ? (
          <span id="support-reason-error" className="field-error">
            {reasonError}
          </span>
        ) : null}
      </div>

      <TextField id="support-name" label={t("form.name")} autoComplete="name" error={fieldError("name")} {...form.register("name")} />
      <TextField id="support-email" label={t("form.email")} type="email" autoComplete="email" error={fieldError("email")} {...form.register("email")} />
      <TextField id="support-customer-code" label={t("form.customerCode")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError("customerCode")} {...form.register("customerCode")} />
      <TextField id="support-invoice-number" label={t("form.invoiceNumber")} autoComplete="off" autoCapitalize="characters" spellCheck={false} error={fieldError("invoiceNumber")} {...form.register("invoiceNumber")} />

      <div className="field">
        <label htmlFor="support-message">{t("form.message")}</label>
        <textarea
          id="support-message"
          className="input"
          rows={6}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={messageError ? "support-message-error" : undefined}
          {...form.register("message")}
        />
        {messageError ? (
          <span id="support-message-error" className="field-error">
            {messageError}
          </span>
        ) : null}
      </div>

      <Button type="submit" disabled={form.formState.isSubmitting || sent}>
        {form.formState.isSubmitting || sent ? t("form.submitting") : t("form.submit")}
      </Button>
    </form>
  );
}
