"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PasswordChangeForm, PasswordConfirmForm } from "@/components/account/password-forms";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { SessionsList, type SessionRow } from "@/components/account/sessions-list";
import { changeStaffPasswordAction, renewStaffRecoveryCodesAction, staffSignOutEverywhereAction, staffSignOutSessionAction } from "./actions";

export function StaffAccount({ sessions, codesLeft }: { sessions: SessionRow[]; codesLeft: number }) {
  const t = useTranslations("accountForms.staffAccount");
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <>
      <section className="card" aria-labelledby="staff-password">
        <h2 id="staff-password">{t("password")}</h2>
        <PasswordChangeForm action={changeStaffPasswordAction} />
      </section>
      <section className="card" aria-labelledby="staff-sessions">
        <h2 id="staff-sessions">{t("sessions")}</h2>
        <SessionsList sessions={sessions} signOutOne={staffSignOutSessionAction} signOutAll={staffSignOutEverywhereAction} loginPath="/backoffice/accesso" />
      </section>
      <section className="card" aria-labelledby="staff-totp">
        <h2 id="staff-totp">{t("totp")}</h2>
        <p>{t("totpMandatory")}</p>
        <p>{t("codesLeft", { count: codesLeft })}</p>
        {codes ? <RecoveryCodes codes={codes} /> : null}
        <PasswordConfirmForm id="staff-codes" action={renewStaffRecoveryCodesAction} submitLabel={t("renew")} onDone={setCodes} variant="secondary" />
      </section>
    </>
  );
}
