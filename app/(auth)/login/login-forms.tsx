"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startAuthentication } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { parseSecondStep, SecondStepForm, type SecondStepChallenge } from "@/components/account/second-step-form";
import { accountLoginInput, pecLoginInput } from "@/lib/auth/schemas";
import { passkeyLoginOptionsAction, secondStepPasskeyOptionsAction } from "./actions";

type Field<T> = { name: Path<T>; label: string; type: string; autoComplete: string };

function LoginForm<S extends z.ZodType<FieldValues, FieldValues>>(props: {
  provider: "account" | "pec";
  title: string;
  schema: S;
  fields: Field<z.input<S>>[];
  landing: string;
  onSecondStep?: (challenge: SecondStepChallenge) => void;
  children?: React.ReactNode;
}) {
  const t = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(props.schema) });
  const headingId = `login-${props.provider}-title`;

  async function onSubmit(values: z.output<S>) {
    setError(null);
    const result = await signIn(props.provider, { ...values, redirect: false }).catch(() => null);
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

  function fieldError(name: Path<z.input<S>>) {
    const issue = form.formState.errors[name];
    if (!issue) return undefined;
    const value = form.getValues(name);
    return name === "address" && value ? t("invalidEmail") : t("required");
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
            {...form.register(f.name)}
          />
        ))}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("submitting") : t("submit")}
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
      const response = await startAuthentication({ optionsJSON: await passkeyLoginOptionsAction() });
      const result = await signIn("passkey", { response: JSON.stringify(response), redirect: false });
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
  if (challenge) return <SecondStepForm challenge={challenge} landing="/" onRestart={() => setChallenge(null)} passkeyOptions={secondStepPasskeyOptionsAction} />;
  return (
    <>
      <div className="grid-2">
        <LoginForm
          provider="account"
          title={t("accountTitle")}
          schema={accountLoginInput}
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
          schema={pecLoginInput}
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
