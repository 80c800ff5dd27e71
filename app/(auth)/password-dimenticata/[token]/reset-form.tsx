"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/account/action-form";
import { MIN_PASSWORD_LENGTH, passwordResetInput } from "@/lib/account/schemas";
import { resetPasswordAction } from "../actions";

export function PasswordResetForm({ token }: { token: string }) {
  const t = useTranslations("signIn.reset");
  const router = useRouter();
  return (
    <ActionForm
      id="reset"
      schema={passwordResetInput}
      defaults={{ token, newPassword: "", confirmPassword: "" }}
      fields={[
        { name: "newPassword", label: t("newPassword"), type: "password", autoComplete: "new-password", hint: t("rule", { min: MIN_PASSWORD_LENGTH }) },
        { name: "confirmPassword", label: t("confirmPassword"), type: "password", autoComplete: "new-password" },
      ]}
      action={resetPasswordAction}
      submitLabel={t("submit")}
      onDone={() => router.push("/login?password=nuova")}
    />
  );
}
