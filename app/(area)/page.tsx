import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { requireViewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getHomeOverview } from "@/lib/services/queries";
import { FailedRenewals } from "./failed-renewals";
import { ServicesTable } from "./services-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("title") };
}

export default async function HomePage() {
  const viewer = await requireViewer();
  const [t, home] = await Promise.all([getTranslations("home"), getHomeOverview(viewer)]);
  const { services, awaitingOrders: awaiting, failedRenewals } = home;
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <p className="muted">
          {t("welcome", { name: home.displayName })} · {t("customerCode", { code: home.customerCode })}
        </p>
      </div>
      {viewer.pecServiceId ? <Alert>{t("pecScope")}</Alert> : null}
      <FailedRenewals renewals={failedRenewals} now={now()} />
      {awaiting > 0 ? (
        <Alert tone="warn">
          {t("awaitingNotice", { count: awaiting })} <Link href="/ordini?stato=AWAITING_PAYMENT">{t("awaitingLink")}</Link>
        </Alert>
      ) : null}
      {services.length > 0 ? <ServicesTable services={services} renewalCard={home.renewalCard} /> : <p>{t("empty")}</p>}
    </>
  );
}
