import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LineItems } from "@/components/line-items";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { getOrderDetail } from "@/lib/orders/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await getOrderDetail(await requireViewer(), (await params).id);
  return { title: order?.number };
}

export default async function OrderPage({ params }: Props) {
  const order = await getOrderDetail(await requireViewer(), (await params).id);
  if (!order) notFound();
  const [t, tOrders, format] = await Promise.all([getTranslations("order"), getTranslations("orders"), getFormatter()]);
  return (
    <>
      <p><Link href="/ordini">{t("back")}</Link></p>
      <div className="page-head">
        <h1>{t("title", { number: order.number })}</h1>
        <OrderStatusBadge status={order.status} />
      </div>
      <section className="card" aria-labelledby="voci">
        <h2 id="voci">{t("items")}</h2>
        <LineItems kind="order" caption={t("items")} lines={order.items} totals={order} />
        {order.paidAt ? <p>{t("paidAt", { date: format.dateTime(order.paidAt, { dateStyle: "long", timeStyle: "short" }) })}</p> : null}
        {order.status === "AWAITING_PAYMENT" ? (
          <ButtonLink href={`/ordini/${order.id}/paga`} aria-label={tOrders("payLabel", { number: order.number })}>
            {tOrders("pay")}
          </ButtonLink>
        ) : null}
      </section>
    </>
  );
}
