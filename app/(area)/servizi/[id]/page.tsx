import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { OrdersTable } from "@/components/orders/orders-table";
import { RenewalSwitch } from "@/components/services/renewal-switch";
import { RenewalBadge, ServiceStatusBadge } from "@/components/services/status-badges";
import { requireViewer } from "@/lib/auth/session";
import { formatMoney, withVat } from "@/lib/money";
import { getServiceDetail } from "@/lib/services/queries";
import { renewalSwitchable } from "@/lib/services/renewal";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = await getServiceDetail(await requireViewer(), (await params).id);
  return { title: service?.name };
}

export default async function ServicePage({ params }: Props) {
  const viewer = await requireViewer();
  const service = await getServiceDetail(viewer, (await params).id);
  if (!service) notFound();
  const [t, tSwitch, format] = await Promise.all([getTranslations("service"), getTranslations("renewalSwitch"), getFormatter()]);
  const renewalCard = service.renewalCard;
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "long" }) : t("notYetActive"));
  const switchable = renewalSwitchable(service);
  const renewalHelp = switchable || service.renewal !== "off"
    ? { on: t("renewalOnHelp"), off: t("renewalOffHelp"), unavailable: t("renewalUnavailableHelp") }[service.renewal]
    : tSwitch("notActiveHelp");

  return (
    <>
      <p><Link href="/">{t("back")}</Link></p>
      <div className="page-head">
        <h1>{service.name}</h1>
        <ServiceStatusBadge status={service.status} />
      </div>
      <section className="card" aria-labelledby="dettagli">
        <h2 id="dettagli">{t("details")}</h2>
        <dl className="details">
          <dt>{t("product")}</dt>
          <dd>{service.product.name}</dd>
          <dt>{t("activation")}</dt>
          <dd>{date(service.activatedAt)}</dd>
          <dt>{t("expiry")}</dt>
          <dd>{date(service.expiresAt)}</dd>
          <dt>{t("renewalPrice")}</dt>
          <dd>{formatMoney(service.renewalPriceCents)}</dd>
        </dl>
      </section>
      <section className="card" id="rinnovo" aria-labelledby="rinnovo-title" tabIndex={-1}>
        <h2 id="rinnovo-title">{t("renewalSection")}</h2>
        {switchable ? (
          <div>
            <span aria-hidden="true">{t("renewal")}:</span>{" "}
            <RenewalSwitch
              serviceId={service.id}
              serviceName={service.name}
              on={service.renewal === "on"}
              label={t("renewal")}
              renewalTotalCents={withVat(service.renewalPriceCents).totalCents}
              card={renewalCard}
              expiresOn={service.expiresAt ? date(service.expiresAt) : null}
            />
          </div>
        ) : (
          <p>
            {t("renewal")}: <RenewalBadge state={service.renewal} />
          </p>
        )}
        <p className="muted">{renewalHelp}</p>
        {service.orders.length > 0 ? (
          <OrdersTable caption={t("orders")} orders={service.orders} />
        ) : (
          <p>{t("noOrders")}</p>
        )}
      </section>
    </>
  );
}
