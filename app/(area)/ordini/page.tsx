import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrdersTable } from "@/components/orders/orders-table";
import { Alert } from "@/components/ui/alert";
import { requireViewer } from "@/lib/auth/session";
import { listOrders, orderFilterInput } from "@/lib/orders/queries";
import { StatusFilter } from "./status-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrdersPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const raw = (await searchParams).stato;
  const filter = orderFilterInput.safeParse({ stato: raw === "" ? undefined : raw });
  const status = filter.success ? filter.data.stato : undefined;
  const [t, orders] = await Promise.all([getTranslations("orders"), listOrders(viewer, { status })]);

  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <p className="muted" role="status">{t("count", { count: orders.length })}</p>
      </div>
      {filter.success ? null : <Alert tone="warn">{t("invalidFilter")}</Alert>}
      <StatusFilter current={status} />
      {orders.length > 0 ? (
        <OrdersTable
          caption={t("title")}
          orders={orders.map((o) => ({ ...o, description: o.service?.name ?? o.items[0]?.description }))}
        />
      ) : (
        <p>{t("empty")}</p>
      )}
    </>
  );
}
