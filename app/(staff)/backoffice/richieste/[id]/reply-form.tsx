"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { staffErrorKeys, supportReplyInput, type SupportReplyFormValues } from "@/lib/staff/schemas";
import { replyToRequestAction } from "../actions";

type Output = { requestId: string; message: string };

export function ReplyForm({ requestId, email }: { requestId: string; email: string }) {
  const t = useTranslations("backoffice");
  const [result, setResult] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const form = useForm<SupportReplyFormValues, unknown, Output>({ resolver: zodResolver(supportReplyInput), defaultValues: { requestId, message: "" } });
  const issue = form.formState.errors.message?.message;
  const fieldError = issue ? t(`errors.${(staffErrorKeys as readonly string[]).includes(issue) ? (issue as (typeof staffErrorKeys)[number]) : "required"}`) : undefined;

  async function onSubmit(values: Output) {
    setResult(null);
    const r = await replyToRequestAction(values).catch(() => null);
    if (r?.ok) {
      form.reset({ requestId, message: "" });
      return setResult({ tone: "ok", text: t("request.replied", { email }) });
    }
    setResult({ tone: "danger", text: t(`errors.${r ? r.error : "unavailable"}`) });
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <input type="hidden" {...form.register("requestId")} />
      <div className="field">
        <label htmlFor="reply-message">{t("request.replyLabel")}</label>
        <textarea
          id="reply-message"
          className="input"
          rows={6}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? "reply-hint reply-message-error" : "reply-hint"}
          {...form.register("message")}
        />
        <span id="reply-hint" className="muted">{t("request.replyHint", { email })}</span>
        {fieldError ? <span id="reply-message-error" className="field-error">{fieldError}</span> : null}
      </div>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("request.replySending") : t("request.replySubmit")}
      </Button>
    </form>
  );
}
