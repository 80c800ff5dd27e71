import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/orders/queries";

/** The order's lines with net, VAT and total: shown on the order page and the order summary. */
export async function OrderItems({ order, caption }: { order: Pick<OrderDetail, "items" | "netCents" | "vatCents" | "totalCents">; caption: string }) {
  const t = await getTranslations("order");
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("item")}</th>
              <th scope="col" className="num">{t("quantity")}</th>
              <th scope="col" className="num">{t("net")}</th>
              <th scope="col" className="num">{t("vat")}</th>
              <th scope="col" className="num">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {order.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.description}</th>
                <td className="num">{i.quantity}</td>
                <td className="num">{formatMoney(i.netCents)}</td>
                <td className="num">{formatMoney(i.vatCents)}</td>
                <td className="num">{formatMoney(i.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details" style={{ marginTop: "1rem" }}>
        <dt>{t("net")}</dt>
        <dd>{formatMoney(order.netCents)}</dd>
        <dt>{t("vat")}</dt>
        <dd>{formatMoney(order.vatCents)}</dd>
        <dt>{t("total")}</dt>
        <dd><strong>{formatMoney(order.totalCents)}</strong></dd>
      </dl>
    </>
  );
}
