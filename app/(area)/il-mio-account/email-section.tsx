"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/account/action-form";
import { Alert } from "@/components/ui/alert";
import { emailChangeInput, nothingInput } from "@/lib/account/schemas";
import { cancelEmailChangeAction, requestEmailChangeAction } from "./actions";

export function EmailSection({ email, pending }: { email: string; pending: { email: string; until: string } | null }) {
  const t = useTranslations("account.email");
  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">{t("title")}</h2>
      <p>
        {t("current")} <strong>{email}</strong>
      </p>
      <p className="muted">{t("why")}</p>
      {pending ? (
        <>
          <Alert tone="info">{t("pending", { email: pending.email, until: pending.until })}</Alert>
          <ActionForm id="email-cancel" schema={nothingInput} fields={[]} action={cancelEmailChangeAction} submitLabel={t("cancel")} variant="secondary" />
        </>
      ) : null}
      <ActionForm
        id="email-change"
        schema={emailChangeInput}
        defaults={{ newEmail: "", currentPassword: "" }}
        fields={[
          { name: "newEmail", label: t("newEmail"), type: "email", autoComplete: "email", inputMode: "email" },
          { name: "currentPassword", label: t("password"), type: "password", autoComplete: "current-password" },
        ]}
        action={requestEmailChangeAction}
        submitLabel={t("submit")}
        success={t("sent")}
      />
    </section>
  );
}
