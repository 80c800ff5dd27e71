import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { Cell, Row, RowHeader, StackTable } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { OrderStatusName } from "@/lib/orders/queries";
import { OrderStatusBadge } from "./order-status-badge";

export type OrdersTableRow = {
  id: string;
  number: string;
  kind: "PURCHASE" | "RENEWAL";
  status: OrderStatusName;
  totalCents: number;
  createdAt: Date;
  description?: string;
};

/** Orders with their status; an order awaiting payment carries the Paga button. */
export async function OrdersTable({ caption, orders }: { caption: string; orders: OrdersTableRow[] }) {
  const [t, tKind, format] = await Promise.all([getTranslations("orders"), getTranslations("orderKind"), getFormatter()]);
  const described = orders.some((o) => o.description);
  return (
    <StackTable
      caption={caption}
      columns={[
        { label: t("number") },
        { label: t("date") },
        { label: t("type") },
        ...(described ? [{ label: t("description") }] : []),
        { label: t("status") },
        { label: t("total"), num: true },
        { label: t("actions") },
      ]}
    >
      {orders.map((o) => (
        <Row key={o.id}>
          <RowHeader>{o.number}</RowHeader>
          <Cell label={t("date")}>{format.dateTime(o.createdAt, { dateStyle: "medium" })}</Cell>
          <Cell label={t("type")}>{tKind(o.kind)}</Cell>
          {described ? <Cell label={t("description")}>{o.description}</Cell> : null}
          <Cell label={t("status")}><OrderStatusBadge status={o.status} /></Cell>
          <Cell label={t("total")} num>{formatMoney(o.totalCents)}</Cell>
          <Cell>
            {o.status === "AWAITING_PAYMENT" ? (
              <ButtonLink href={`/ordini/${o.id}/paga`} size="small" aria-label={t("payLabel", { number: o.number })}>
                {t("pay")}
              </ButtonLink>
            ) : (
              <ButtonLink href={`/ordini/${o.id}`} size="small" variant="secondary" aria-label={t("viewLabel", { number: o.number })}>
                {t("view")}
              </ButtonLink>
            )}
          </Cell>
        </Row>
      ))}
    </StackTable>
  );
}
