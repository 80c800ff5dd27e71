"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActionForm } from "@/components/account/action-form";
import { Alert } from "@/components/ui/alert";
import { passwordResetRequestInput } from "@/lib/account/schemas";
import { requestPasswordResetAction } from "./actions";

export function PasswordResetRequestForm() {
  const t = useTranslations("signIn.forgot");
  const [sent, setSent] = useState(false);
  if (sent) return <Alert tone="ok">{t("sent")}</Alert>;
  return (
    <ActionForm
      id="forgot"
      schema={passwordResetRequestInput}
      defaults={{ login: "" }}
      fields={[{ name: "login", label: t("login"), autoComplete: "username" }]}
      action={requestPasswordResetAction}
      submitLabel={t("submit")}
      onDone={() => setSent(true)}
    />
  );
}
