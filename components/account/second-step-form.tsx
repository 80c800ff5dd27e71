"use client";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { credentialsSignIn } from "@/lib/auth/credentials-sign-in";
import styles from "./account.module.css";
import type { SecondStepChallenge } from "./second-step";

/**
 * The second step of a login (customers and staff): the authenticator app's code, a recovery
 * code, or a passkey when the account has one. The ticket from the password step goes with it.
 */
export function SecondStepForm(props: {
  challenge: SecondStepChallenge;
  landing: string;
  onRestart: () => void;
  passkeyOptions?: (ticket: string) => Promise<PublicKeyCredentialRequestOptionsJSON | null>;
}) {
  const t = useTranslations("signIn.secondStep");
  const router = useRouter();
  const hasTotp = props.challenge.factors.includes("totp");
  const hasPasskey = props.challenge.factors.includes("passkey") && props.passkeyOptions;
  const [mode, setMode] = useState<"totp" | "recovery">(hasTotp ? "totp" : "recovery");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);

  async function finish(fields: Record<string, string>) {
    setBusy(true);
    setError(null);
    const result = await credentialsSignIn("second-step", { ...fields, ticket: props.challenge.ticket }).catch(() => null);
    setBusy(false);
    if (result?.ok) {
      router.replace(props.landing);
      router.refresh();
      return;
    }
    const e = result?.error ?? "";
    if (e === "expired") setExpired(true);
    else if (e.startsWith("rate_limited:")) setError(t("rateLimited", { minutes: Math.max(1, Math.ceil(Number(e.split(":")[1]) / 60)) }));
    else if (e === "invalid_code" || e === "CredentialsSignin") setError(mode === "totp" ? t("invalidTotp") : t("invalidRecovery"));
    else setError(t("unavailable"));
  }

  async function usePasskey() {
    setError(null);
    try {
      const optionsJSON = await props.passkeyOptions!(props.challenge.ticket);
      if (!optionsJSON) return setExpired(true);
      // The WebAuthn client is loaded when a passkey is used, not with the page.
      const { startAuthentication } = await import("@simplewebauthn/browser");
      const response = await startAuthentication({ optionsJSON });
      await finish({ method: "passkey", response: JSON.stringify(response) });
    } catch {
      setError(t("passkeyFailed"));
    }
  }

  if (expired) {
    return (
      <section className="card" aria-labelledby="second-step-title">
        <h2 id="second-step-title">{t("title")}</h2>
        <Alert tone="danger">{t("expired")}</Alert>
        <Button type="button" className={styles.touch} onClick={props.onRestart}>
          {t("restart")}
        </Button>
      </section>
    );
  }

  const label = mode === "totp" ? t("totpLabel") : t("recoveryLabel");
  return (
    <section className="card" aria-labelledby="second-step-title">
      <h2 id="second-step-title">{t("title")}</h2>
      <p>{mode === "totp" ? t("totpIntro") : t("recoveryIntro")}</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!code.trim()) return setError(t("required"));
          void finish({ method: mode, code: code.trim() });
        }}
      >
        <TextField
          id="second-step-code"
          name="code"
          label={label}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          inputMode={mode === "totp" ? "numeric" : "text"}
          className={`input ${styles.touch}`}
          autoFocus
        />
        <div className={styles.actions}>
          <Button type="submit" className={styles.touch} disabled={busy}>
            {busy ? t("checking") : t("confirm")}
          </Button>
          {hasTotp ? (
            <Button type="button" variant="secondary" className={styles.touch} onClick={() => (setMode(mode === "totp" ? "recovery" : "totp"), setCode(""), setError(null))}>
              {mode === "totp" ? t("useRecovery") : t("useTotp")}
            </Button>
          ) : null}
          {hasPasskey ? (
            <Button type="button" variant="secondary" className={styles.touch} onClick={() => void usePasskey()}>
              {t("usePasskey")}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
