import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { requireViewer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { getOrderDetail } from "@/lib/orders/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const order = await getOrderDetail(await requireViewer(), (await params).id);
  return { title: order?.number };
}

// The card payment flow comes with the payments issue; until then this page states the order's
// real data and status, and says that online payment is not available yet.
export default async function PayOrderPage({ params }: Props) {
  const order = await getOrderDetail(await requireViewer(), (await params).id);
  if (!order) notFound();
  const [t, tOrder] = await Promise.all([getTranslations("pay"), getTranslations("order")]);
  const message =
    order.status === "PAID" ? t("alreadyPaid") : order.status === "AWAITING_PAYMENT" ? t("comingSoon") : t("notPayable");
  return (
    <>
      <p><Link href={`/ordini/${order.id}`}>{tOrder("title", { number: order.number })}</Link></p>
      <h1>{t("title", { number: order.number })}</h1>
      <Alert tone={order.status === "AWAITING_PAYMENT" ? "info" : "warn"}>{message}</Alert>
      <p>
        {tOrder("total")}: <strong>{formatMoney(order.totalCents)}</strong>
      </p>
    </>
  );
}
