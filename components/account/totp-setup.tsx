"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { totpCodeInput, type TotpCodeInput } from "@/lib/account/schemas";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "./action-form";
import { RecoveryCodes } from "./recovery-codes";
import type { ActionResult } from "./results";
import styles from "./account.module.css";

/**
 * Setting up the authenticator app: the QR code, the same secret as text (for typing it, or for
 * apps that can't scan), a first code to confirm; then the recovery codes, shown once.
 */
export function TotpSetup(props: { secret: string; qrDataUrl: string; confirm: (v: TotpCodeInput) => Promise<ActionResult<string[]>>; next: { href: string; label: string } }) {
  const t = useTranslations("accountForms.totp");
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) {
    return (
      <div>
        <p role="status">{t("enabled")}</p>
        <RecoveryCodes codes={codes} />
        <ButtonLink href={props.next.href} className={styles.touch}>
          {props.next.label}
        </ButtonLink>
      </div>
    );
  }
  return (
    <div>
      <ol>
        <li>{t("step1")}</li>
        <li>
          {t("step2")}
          <div>
            {/* An SVG made on the server (lib/account/two-factor.ts): a data URL passes the CSP's img-src. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={props.qrDataUrl} alt={t("qrAlt")} className={styles.qr} width={224} height={224} />
          </div>
          <p>
            {t("manual")} <span className={styles.secret} data-testid="totp-secret">{props.secret}</span>
          </p>
        </li>
        <li>{t("step3")}</li>
      </ol>
      <ActionForm
        id="totp-confirm"
        schema={totpCodeInput}
        defaults={{ code: "" }}
        fields={[{ name: "code", label: t("code"), autoComplete: "one-time-code", inputMode: "numeric" }]}
        action={props.confirm}
        submitLabel={t("confirm")}
        onDone={setCodes}
      />
    </div>
  );
}
