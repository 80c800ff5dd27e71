import { getTranslations } from "next-intl/server";
import type { InvoiceDetail } from "@/lib/invoices/queries";
import { formatMoney } from "@/lib/money";

const percent = (bps: number) => `${bps / 100}%`;

export async function InvoiceLines({ invoice }: { invoice: Pick<InvoiceDetail, "lines" | "netCents" | "vatCents" | "totalCents"> }) {
  const t = await getTranslations("invoice");
  const rates = [...new Set(invoice.lines.map((l) => l.vatRateBps))];
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{t("lines")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("description")}</th>
              <th scope="col" className="num">{t("quantity")}</th>
              <th scope="col" className="num">{t("net")}</th>
              <th scope="col" className="num">{t("vat")}</th>
              <th scope="col" className="num">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.description}</th>
                <td className="num">{l.quantity}</td>
                <td className="num">{formatMoney(l.netCents)}</td>
                <td className="num">{percent(l.vatRateBps)} – {formatMoney(l.vatCents)}</td>
                <td className="num">{formatMoney(l.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details" style={{ marginTop: "1rem" }}>
        <dt>{t("net")}</dt>
        <dd>{formatMoney(invoice.netCents)}</dd>
        <dt>{rates.length === 1 ? t("vatRate", { rate: percent(rates[0]) }) : t("vat")}</dt>
        <dd>{formatMoney(invoice.vatCents)}</dd>
        <dt>{t("total")}</dt>
        <dd><strong>{formatMoney(invoice.totalCents)}</strong></dd>
      </dl>
    </>
  );
}
