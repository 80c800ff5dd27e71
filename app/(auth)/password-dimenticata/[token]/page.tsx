import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { Alert } from "@/components/ui/alert";
import { resetLinkIsValid } from "@/lib/account/password-reset";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { PasswordResetForm } from "./reset-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.reset"))("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("signIn.reset")]);
  const valid = await resetLinkIsValid(token);
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      {valid ? (
        <>
          <p>{t("intro")}</p>
          <ClientMessages namespaces={["signIn", "accountForms"]}>
            <PasswordResetForm token={token} />
          </ClientMessages>
        </>
      ) : (
        <>
          <Alert tone="danger">{t("invalidLink")}</Alert>
          <p>
            <Link href="/password-dimenticata">{t("askAgain")}</Link>
          </p>
        </>
      )}
    </SiteShell>
  );
}
