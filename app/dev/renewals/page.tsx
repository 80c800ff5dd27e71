import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/layout/site-shell";
import { now } from "@/lib/clock";
import { devToolsEnabled } from "@/lib/demo/dev-tools";
import { romeDay } from "@/lib/renewals/schedule";
import { RunRenewalsForm } from "./run-form";
import { ClientMessages } from "@/lib/i18n/client-messages";

export const metadata: Metadata = { title: "Motore dei rinnovi", robots: { index: false } };

/** Development only: QA runs the renewal engine "as of" a date, without waiting for the daily job. */
export default async function DevRenewalsPage() {
  if (!devToolsEnabled()) notFound();
  const t = await getTranslations("renewalEngine.dev");
  return (
    <SiteShell>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ClientMessages namespaces={["renewalEngine"]}>
        <RunRenewalsForm today={romeDay(now())} />
      </ClientMessages>
    </SiteShell>
  );
}
