import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getStaff } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { StaffLoginForm } from "./staff-login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.login"))("title") };
}

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getStaff()) redirect("/backoffice/richieste");
  const [t, params] = await Promise.all([getTranslations("backoffice.login"), searchParams]);
  return (
    <>
      <h1>{t("title")}</h1>
      {params.uscita === "1" ? <Alert tone="ok">{t("loggedOut")}</Alert> : null}
      <p className="muted">{t("intro")}</p>
      <ClientMessages namespaces={["backoffice", "signIn"]}>
        <StaffLoginForm />
      </ClientMessages>
      <p>
        <Link href="/login">{t("customerLink")}</Link>
      </p>
    </>
  );
}
