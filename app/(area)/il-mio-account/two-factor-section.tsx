"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PasswordConfirmForm } from "@/components/account/password-forms";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { Badge } from "@/components/ui/badge";
import type { TotpStatus } from "@/lib/account/two-factor";
import { disableTotpAction, renewRecoveryCodesAction, startTotpSetupAction } from "./actions";

export function TwoFactorSection({ status }: { status: TotpStatus }) {
  const t = useTranslations("account.twoFactor");
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <section className="card" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">
        {t("title")} <Badge tone={status.enabled ? "ok" : "muted"}>{status.enabled ? t("on") : t("off")}</Badge>
      </h2>
      <p className="muted">{t("intro")}</p>
      {status.enabled ? (
        <>
          <p>{t("codesLeft", { count: status.recoveryCodesLeft })}</p>
          {codes ? <RecoveryCodes codes={codes} /> : null}
          <section aria-labelledby="totp-renew-title">
            <h3 id="totp-renew-title">{t("renewTitle")}</h3>
            <PasswordConfirmForm id="totp-renew" action={renewRecoveryCodesAction} submitLabel={t("renew")} onDone={setCodes} variant="secondary" />
          </section>
          <section aria-labelledby="totp-disable-title">
            <h3 id="totp-disable-title">{t("disableTitle")}</h3>
            <PasswordConfirmForm id="totp-disable" action={disableTotpAction} submitLabel={t("disable")} variant="secondary" />
          </section>
        </>
      ) : (
        <PasswordConfirmForm id="totp-start" action={startTotpSetupAction} submitLabel={t("enable")} onDone={() => router.push("/il-mio-account/verifica-in-due-passaggi")} />
      )}
    </section>
  );
}
