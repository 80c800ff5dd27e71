"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { PasswordChangeForm, PasswordConfirmForm } from "@/components/account/password-forms";
import { TotpSetup } from "@/components/account/totp-setup";
import { changeStaffPasswordAction, confirmStaffTotpAction, startStaffTotpAction } from "../account/actions";

/** The first staff login: 1. replace the one-time password, 2. set up the authenticator app. */
export function FirstAccess(props: { step: "password" | "totp-start" | "totp-confirm"; pending: { secret: string; qrDataUrl: string } | null }) {
  const t = useTranslations("accountForms.staffSetup");
  const router = useRouter();
  if (props.step === "password") {
    return (
      <section className="card" aria-labelledby="setup-password">
        <h2 id="setup-password">{t("passwordTitle")}</h2>
        <p>{t("passwordIntro")}</p>
        <PasswordChangeForm action={changeStaffPasswordAction} currentLabel={t("oneTimePassword")} onDone={() => router.refresh()} />
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="setup-totp">
      <h2 id="setup-totp">{t("totpTitle")}</h2>
      <p>{t("totpIntro")}</p>
      {props.step === "totp-start" || !props.pending ? (
        <PasswordConfirmForm id="staff-totp-start" action={startStaffTotpAction} submitLabel={t("totpStart")} onDone={() => router.refresh()} />
      ) : (
        <TotpSetup secret={props.pending.secret} qrDataUrl={props.pending.qrDataUrl} confirm={confirmStaffTotpAction} next={{ href: "/backoffice/richieste", label: t("continue") }} />
      )}
    </section>
  );
}
