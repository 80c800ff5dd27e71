"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { parseSecondStep, type SecondStepChallenge } from "@/components/account/second-step";
import { credentialsSignIn } from "@/lib/auth/credentials-sign-in";
import { accountLoginChecks, pecLoginChecks } from "@/lib/auth/login-checks";
import { rule, type Checks } from "@/lib/forms/checks";
import { passkeyLoginOptionsAction, secondStepPasskeyOptionsAction } from "./actions";

// Only an account with a second step needs it: loaded then, not with the page.
const SecondStepForm = lazy(() => import("@/components/account/second-step-form").then((m) => ({ default: m.SecondStepForm })));

type Field<N extends string> = { name: N & Path<Record<N, string>>; label: string; type: string; autoComplete: string };

function LoginForm<N extends string>(props: {
  provider: "account" | "pec";
  title: string;
  checks: Checks<N>;
  fields: Field<N>[];
  landing: string;
  onSecondStep?: (challenge: SecondStepChallenge) => void;
  children?: React.ReactNode;
}) {
  const t = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // The checks (login-checks.ts) are what the server's zod schemas check, without zod in the page.
  const form = useForm<Record<N, string>>();
  const { errors, isSubmitting } = form.formState;
  const headingId = `login-${props.provider}-title`;

  async function onSubmit(values: Record<N, string>) {
    setError(null);
    const result = await credentialsSignIn(props.provider, values).catch(() => null);
    if (result?.ok) {
      router.replace(props.landing);
      router.refresh();
      return;
    }
    const code = result?.error ?? "";
    const challenge = parseSecondStep(code);
    if (challenge && props.onSecondStep) return props.onSecondStep(challenge);
    if (code.startsWith("rate_limited:")) setError(t("rateLimited", { minutes: Math.max(1, Math.ceil(Number(code.split(":")[1]) / 60)) }));
    else if (code === "invalid_credentials" || code === "CredentialsSignin") setError(t("invalid"));
    else setError(t("unavailable"));
  }

  function fieldError(name: N) {
    const issue = errors[name]?.message;
    if (!issue) return undefined;
    return name === "address" && issue !== "required" ? t("invalidEmail") : t("required");
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
        {props.fields.map((f) => (
          <TextField
            key={f.name}
            id={`${props.provider}-${f.name}`}
            label={f.label}
            type={f.type}
            autoComplete={f.autoComplete}
            error={fieldError(f.name)}
            {...form.register(f.name, rule(props.checks[f.name]))}
          />
        ))}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </form>
      {props.children}
    </section>
  );
}

/** "Accedi con una passkey": no username, no password; the browser offers the passkeys it holds. */
function PasskeyLogin() {
  const t = useTranslations("signIn.passkeyLogin");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setError(null);
    setBusy(true);
    try {
      // The WebAuthn client is loaded on the click, not with the page.
      const [{ startAuthentication }, optionsJSON] = await Promise.all([import("@simplewebauthn/browser"), passkeyLoginOptionsAction()]);
      const response = await startAuthentication({ optionsJSON });
      const result = await credentialsSignIn("passkey", { response: JSON.stringify(response) });
      if (result?.ok) {
        router.replace("/");
        router.refresh();
        return;
      }
      const code = result?.error ?? "";
      setError(code.startsWith("rate_limited:") ? t("rateLimited") : t("failed"));
    } catch {
      setError(t("failed"));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="login-passkey-title">
      <h2 id="login-passkey-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button type="button" variant="secondary" onClick={() => void run()} disabled={busy}>
        {t("button")}
      </Button>
    </section>
  );
}

export function LoginForms() {
  const t = useTranslations("login");
  const tAccount = useTranslations("signIn.forgot");
  const [challenge, setChallenge] = useState<SecondStepChallenge | null>(null);
  if (challenge) {
    return (
      <Suspense fallback={null}>
        <SecondStepForm challenge={challenge} landing="/" onRestart={() => setChallenge(null)} passkeyOptions={secondStepPasskeyOptionsAction} />
      </Suspense>
    );
  }
  return (
    <>
      <div className="grid-2">
        <LoginForm
          provider="account"
          title={t("accountTitle")}
          checks={accountLoginChecks}
          landing="/"
          onSecondStep={setChallenge}
          fields={[
            { name: "username", label: t("username"), type: "text", autoComplete: "username" },
            { name: "password", label: t("password"), type: "password", autoComplete: "current-password" },
          ]}
        >
          <p>
            <Link href="/password-dimenticata">{tAccount("link")}</Link>
          </p>
        </LoginForm>
        <LoginForm
          provider="pec"
          title={t("pecTitle")}
          checks={pecLoginChecks}
          landing="/pec"
          fields={[
            { name: "address", label: t("pecAddress"), type: "email", autoComplete: "username" },
            { name: "password", label: t("pecPassword"), type: "password", autoComplete: "current-password" },
          ]}
        />
      </div>
      <PasskeyLogin />
    </>
  );
}
