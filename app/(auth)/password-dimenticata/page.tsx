import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { PasswordResetRequestForm } from "./request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("signIn.forgot");
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section className="card" aria-labelledby="forgot-pec">
        <h2 id="forgot-pec">{t("pecTitle")}</h2>
        <p>{t("pecText")}</p>
      </section>
      <ClientMessages namespaces={["signIn", "accountForms"]}>
        <PasswordResetRequestForm />
      </ClientMessages>
      <p>
        <Link href="/login">{t("back")}</Link>
      </p>
    </SiteShell>
  );
}
