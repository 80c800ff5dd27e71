import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { getSupportPrefill } from "@/lib/support/queries";
import { supportCategories, type SupportCategory } from "@/lib/support/schemas";
import { SupportForm } from "./support-form";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("requestTitle") };
}

// The FAQ links here with ?destinatario=amministrazione or supporto-tecnico.
function categoryParam(value: string | string[] | undefined): SupportCategory | undefined {
  const v = typeof value === "string" ? value.toUpperCase().replace("-", "_") : undefined;
  return supportCategories.find((c) => c === v);
}

export default async function SupportRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, viewer, params] = await Promise.all([getTranslations("support"), getViewer(), searchParams]);
  const prefill = await getSupportPrefill(viewer);
  return (
    <>
      <p>
        <Link href="/assistenza">{t("back")}</Link>
      </p>
      <h1>{t("requestTitle")}</h1>
      <p className="muted">{t("requestText")}</p>
      <ClientMessages namespaces={["support"]}>
        <SupportForm prefill={{ ...prefill, category: categoryParam(params.destinatario) }} />
      </ClientMessages>
    </>
  );
}
