"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { resultMessage, type ActionResult } from "@/components/account/results";
import { confirmEmailAction } from "../actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("signIn.confirmEmail");
  const tForms = useTranslations("accountForms");
  const [state, action] = useActionState<ActionResult<{ email: string }> | null, FormData>((_s, data) => confirmEmailAction(data), null);
  if (state?.ok) return <Alert tone="ok">{t("done", { email: state.data.email })}</Alert>;
  return (
    <form action={action}>
      {state && !state.ok ? <Alert tone="danger">{state.error === "invalid_token" ? t("invalidLink") : resultMessage(tForms, state)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <TextField id="confirm-email-password" name="currentPassword" type="password" autoComplete="current-password" required label={t("password")} />
      <SubmitButton pendingLabel={tForms("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
