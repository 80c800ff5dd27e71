import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { CancelEmailForm } from "./cancel-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.cancelEmail"))("title") };
}

/** The link in the notice to the old address: the change is cancelled by the button, not by opening the page. */
export default async function CancelEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const [{ token }, t] = await Promise.all([params, getTranslations("signIn.cancelEmail")]);
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["signIn", "accountForms"]}>
        <CancelEmailForm token={token.slice(0, 100)} />
      </ClientMessages>
    </SiteShell>
  );
}
