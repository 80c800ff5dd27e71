import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { invoiceRegime } from "@/lib/invoices/amounts";
import type { InvoiceRow } from "@/lib/invoices/queries";
import { Cell, Row, RowHeader, StackTable } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import { DownloadPdfLink, PayInvoiceLink } from "./invoice-links";

export async function InvoicesTable({ invoices }: { invoices: InvoiceRow[] }) {
  const [t, tRegime, format] = await Promise.all([getTranslations("invoices"), getTranslations("invoiceRegime"), getFormatter()]);
  return (
    <StackTable
      caption={t("title")}
      columns={[
        { label: t("number") },
        { label: t("date") },
        { label: t("net"), num: true },
        { label: t("total"), num: true },
        { label: t("regime") },
        { label: t("status") },
        { label: t("actions") },
      ]}
    >
      {invoices.map((i) => (
        <Row key={i.id}>
          <RowHeader>
            <Link href={`/fatture/${i.id}`} aria-label={t("viewLabel", { number: i.number })}>{i.number}</Link>
          </RowHeader>
          <Cell label={t("date")}>{format.dateTime(i.issuedAt, { dateStyle: "medium" })}</Cell>
          <Cell label={t("net")} num>{formatMoney(i.netCents)}</Cell>
          <Cell label={t("total")} num>{formatMoney(i.totalCents)}</Cell>
          <Cell label={t("regime")}>{tRegime(invoiceRegime(i))}</Cell>
          <Cell label={t("status")}><InvoiceStatusBadge status={i.status} /></Cell>
          <Cell>
            <span className="actions-row">
              <DownloadPdfLink invoice={i} />
              {i.status !== "PAID" ? <PayInvoiceLink invoice={i} /> : null}
            </span>
          </Cell>
        </Row>
      ))}
    </StackTable>
  );
}
