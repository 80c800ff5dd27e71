"use client";

import { useTranslations } from "next-intl";
import { changePasswordInput, MIN_PASSWORD_LENGTH, passwordOnlyInput, type ChangePasswordInput, type PasswordOnlyInput } from "@/lib/account/schemas";
import { ActionForm } from "./action-form";
import type { ActionResult } from "./results";

/** "Cambia password" (customers and staff; for staff also the one-time password's replacement). */
export function PasswordChangeForm(props: { action: (v: ChangePasswordInput) => Promise<ActionResult>; onDone?: () => void; currentLabel?: string }) {
  const t = useTranslations("accountForms.password");
  return (
    <ActionForm
      id="password-change"
      schema={changePasswordInput}
      defaults={{ currentPassword: "", newPassword: "", confirmPassword: "" }}
      fields={[
        { name: "currentPassword", label: props.currentLabel ?? t("current"), type: "password", autoComplete: "current-password" },
        { name: "newPassword", label: t("new"), type: "password", autoComplete: "new-password", hint: t("rule", { min: MIN_PASSWORD_LENGTH }) },
        { name: "confirmPassword", label: t("confirm"), type: "password", autoComplete: "new-password" },
      ]}
      action={props.action}
      submitLabel={t("submit")}
      success={t("done")}
      onDone={props.onDone}
    />
  );
}

/** Something sensitive confirmed with the password alone (the second step on or off, new codes, a passkey). */
export function PasswordConfirmForm<D>(props: { id: string; action: (v: PasswordOnlyInput) => Promise<ActionResult<D>>; submitLabel: string; onDone?: (data: D) => void; variant?: "primary" | "secondary" }) {
  const t = useTranslations("accountForms.password");
  return (
    <ActionForm
      id={props.id}
      schema={passwordOnlyInput}
      defaults={{ currentPassword: "" }}
      fields={[{ name: "currentPassword", label: t("current"), type: "password", autoComplete: "current-password" }]}
      action={props.action}
      submitLabel={props.submitLabel}
      onDone={props.onDone}
      variant={props.variant}
    />
  );
}
