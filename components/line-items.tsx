import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";

type Line = { id: string; description: string; quantity: number; netCents: number; vatCents: number; totalCents: number; vatRateBps?: number };
type Totals = { netCents: number; vatCents: number; totalCents: number };

const percent = (bps: number) => `${bps / 100}%`;

/**
 * Lines with net, VAT and total, then the totals: an order's items (order page, order summary) or
 * an invoice's lines, which also show each line's VAT rate (texts from the "order" or "invoice" messages).
 */
export async function LineItems({ kind, caption, lines, totals }: { kind: "order" | "invoice"; caption: string; lines: Line[]; totals: Totals }) {
  const t = await getTranslations(kind);
  const invoice = kind === "invoice";
  const rates = [...new Set(lines.map((l) => l.vatRateBps ?? 0))];
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t(invoice ? "description" : "item")}</th>
              <th scope="col" className="num">{t("quantity")}</th>
              <th scope="col" className="num">{t("net")}</th>
              <th scope="col" className="num">{t("vat")}</th>
              <th scope="col" className="num">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.description}</th>
                <td className="num">{l.quantity}</td>
                <td className="num">{formatMoney(l.netCents)}</td>
                <td className="num">{invoice ? `${percent(l.vatRateBps ?? 0)} – ` : null}{formatMoney(l.vatCents)}</td>
                <td className="num">{formatMoney(l.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details" style={{ marginTop: "1rem" }}>
        <dt>{t("net")}</dt>
        <dd>{formatMoney(totals.netCents)}</dd>
        <dt>{invoice && rates.length === 1 ? t("vatRate", { rate: percent(rates[0]) }) : t("vat")}</dt>
        <dd>{formatMoney(totals.vatCents)}</dd>
        <dt>{t("total")}</dt>
        <dd><strong>{formatMoney(totals.totalCents)}</strong></dd>
      </dl>
    </>
  );
}
