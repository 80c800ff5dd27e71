"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { parseSecondStep, type SecondStepChallenge } from "@/components/account/second-step";
import { SecondStepForm } from "@/components/account/second-step-form";
import { credentialsSignIn } from "@/lib/auth/credentials-sign-in";
import { staffLoginInput, type StaffLoginInput } from "@/lib/auth/schemas";

export function StaffLoginForm() {
  const t = useTranslations("backoffice.login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<SecondStepChallenge | null>(null);
  const form = useForm<StaffLoginInput>({ resolver: zodResolver(staffLoginInput), defaultValues: { username: "", password: "" } });
  const errors = form.formState.errors;

  async function onSubmit(values: StaffLoginInput) {
    setError(null);
    const result = await credentialsSignIn("staff", values).catch(() => null);
    if (result?.ok) {
      router.replace("/backoffice/richieste");
      router.refresh();
      return;
    }
    const code = result?.error ?? "";
    const second = parseSecondStep(code);
    if (second) return setChallenge(second);
    if (code.startsWith("rate_limited:")) setError(t("rateLimited", { minutes: Math.max(1, Math.ceil(Number(code.split(":")[1]) / 60)) }));
    else if (code === "invalid_credentials" || code === "CredentialsSignin") setError(t("invalid"));
    else setError(t("unavailable"));
  }

  // The authenticator's code is mandatory for staff (lib/auth/staff-login.ts).
  if (challenge) return <SecondStepForm challenge={challenge} landing="/backoffice/richieste" onRestart={() => setChallenge(null)} />;
  return (
    <form className="card" onSubmit={form.handleSubmit(onSubmit)} noValidate style={{ maxWidth: "28rem" }}>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <TextField id="staff-username" label={t("username")} autoComplete="username" error={errors.username ? t("required") : undefined} {...form.register("username")} />
      <TextField id="staff-password" label={t("password")} type="password" autoComplete="current-password" error={errors.password ? t("required") : undefined} {...form.register("password")} />
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
