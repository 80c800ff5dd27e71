"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { resultMessage, type ActionResult } from "@/components/account/results";
import { cancelEmailChangeAction } from "../actions";

export function CancelEmailForm({ token }: { token: string }) {
  const t = useTranslations("signIn.cancelEmail");
  const tForms = useTranslations("accountForms");
  const [state, action] = useActionState<ActionResult<{ email: string }> | null, FormData>((_s, data) => cancelEmailChangeAction(data), null);
  if (state?.ok) return <Alert tone="ok">{t("done", { email: state.data.email })}</Alert>;
  return (
    <form action={action}>
      {state && !state.ok ? <Alert tone="danger">{state.error === "invalid_token" ? t("invalidLink") : resultMessage(tForms, state)}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={tForms("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
