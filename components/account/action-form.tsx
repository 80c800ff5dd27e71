"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, type HTMLAttributes } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { resultMessage, type ActionResult } from "./results";
import styles from "./account.module.css";

export type FormField<T> = {
  name: Path<T>;
  label: string;
  type?: string;
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  hint?: string;
};

/**
 * One form of the account pages: fields checked with the zod schema the server uses too
 * (react-hook-form), sent to a server action, its answer shown in words. Messages come from the
 * "accountForms" namespace: field issues are `errors.<key>`, refusals `results.<code>`.
 */
export function ActionForm<S extends z.ZodType<FieldValues, FieldValues>, D>(props: {
  id: string;
  schema: S;
  fields: FormField<z.input<S>>[];
  defaults?: Partial<z.input<S>>;
  action: (values: z.output<S>) => Promise<ActionResult<D>>;
  submitLabel: string;
  success?: string;
  onDone?: (data: D) => void;
  variant?: "primary" | "secondary";
}) {
  const t = useTranslations("accountForms");
  const [message, setMessage] = useState<{ tone: "ok" | "danger"; text: string } | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(props.schema), defaultValues: props.defaults as never });
  const errors = form.formState.errors;

  async function onSubmit(values: z.output<S>) {
    setMessage(null);
    const result = await props.action(values).catch(() => ({ ok: false as const, error: "unavailable" }));
    if (result.ok) {
      form.reset(props.defaults as never);
      if (props.success) setMessage({ tone: "ok", text: props.success });
      props.onDone?.(result.data);
    } else {
      setMessage({ tone: "danger", text: resultMessage(t, result) });
    }
  }

  const fieldError = (name: Path<z.input<S>>) => {
    const issue = errors[name];
    if (!issue) return undefined;
    const key = typeof issue.message === "string" && issue.message ? issue.message : "required";
    return t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.required");
  };

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className={styles.form}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {props.fields.map((f) => (
        <div key={f.name}>
          <TextField
            id={`${props.id}-${f.name}`}
            label={f.label}
            type={f.type ?? "text"}
            autoComplete={f.autoComplete}
            inputMode={f.inputMode}
            error={fieldError(f.name)}
            className={`input ${styles.touch}`}
            {...form.register(f.name)}
          />
          {f.hint ? <p className={`muted ${styles.hint}`}>{f.hint}</p> : null}
        </div>
      ))}
      <Button type="submit" variant={props.variant ?? "primary"} className={styles.touch} disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("sending") : props.submitLabel}
      </Button>
    </form>
  );
}
