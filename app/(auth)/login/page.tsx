import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { Alert } from "@/components/ui/alert";
import { getViewer } from "@/lib/auth/session";
import { LoginForms } from "./login-forms";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getViewer()) redirect("/");
  const [t, tSupport, tSignIn, params] = await Promise.all([getTranslations("login"), getTranslations("support"), getTranslations("signIn"), searchParams]);
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      {params.uscita === "1" ? <Alert tone="ok">{t("loggedOut")}</Alert> : null}
      {params.password === "nuova" ? <Alert tone="ok">{tSignIn("passwordChanged")}</Alert> : null}
      <p className="muted">{t("intro")}</p>
      <ClientMessages namespaces={["login", "signIn"]}>
        <LoginForms />
      </ClientMessages>
      <p>
        {tSupport("loginHelp")} <Link href="/assistenza">{tSupport("loginHelpLink")}</Link>
      </p>
    </SiteShell>
  );
}
