import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { ConfirmEmailForm } from "./confirm-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.confirmEmail"))("title") };
}

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("signIn.confirmEmail")]);
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["signIn", "accountForms"]}>
        <ConfirmEmailForm token={token.slice(0, 100)} />
      </ClientMessages>
    </SiteShell>
  );
}
