import { getTranslations } from "next-intl/server";
import { Cell, Row, RowHeader, StackTable } from "@/components/ui/table";
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
      <StackTable
        caption={caption}
        columns={[{ label: t(invoice ? "description" : "item") }, { label: t("quantity"), num: true }, { label: t("net"), num: true }, { label: t("vat"), num: true }, { label: t("total"), num: true }]}
      >
        {lines.map((l) => (
          <Row key={l.id}>
            <RowHeader>{l.description}</RowHeader>
            <Cell label={t("quantity")} num>{l.quantity}</Cell>
            <Cell label={t("net")} num>{formatMoney(l.netCents)}</Cell>
            <Cell label={t("vat")} num>{invoice ? `${percent(l.vatRateBps ?? 0)} – ` : null}{formatMoney(l.vatCents)}</Cell>
            <Cell label={t("total")} num>{formatMoney(l.totalCents)}</Cell>
          </Row>
        ))}
      </StackTable>
      <dl className="details totals">
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
