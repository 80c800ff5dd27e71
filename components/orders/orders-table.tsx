import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
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
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("number")}</th>
            <th scope="col">{t("date")}</th>
            <th scope="col">{t("type")}</th>
            {orders.some((o) => o.description) ? <th scope="col">{t("description")}</th> : null}
            <th scope="col">{t("status")}</th>
            <th scope="col" className="num">{t("total")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.number}</th>
              <td>{format.dateTime(o.createdAt, { dateStyle: "medium" })}</td>
              <td>{tKind(o.kind)}</td>
              {orders.some((x) => x.description) ? <td>{o.description}</td> : null}
              <td><OrderStatusBadge status={o.status} /></td>
              <td className="num">{formatMoney(o.totalCents)}</td>
              <td>
                {o.status === "AWAITING_PAYMENT" ? (
                  <ButtonLink href={`/ordini/${o.id}/paga`} size="small" aria-label={t("payLabel", { number: o.number })}>
                    {t("pay")}
                  </ButtonLink>
                ) : (
                  <ButtonLink href={`/ordini/${o.id}`} size="small" variant="secondary" aria-label={t("viewLabel", { number: o.number })}>
                    {t("view")}
                  </ButtonLink>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
