import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { invoiceRegime } from "@/lib/invoices/amounts";
import type { InvoiceRow } from "@/lib/invoices/queries";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import { DownloadPdfLink, PayInvoiceLink } from "./invoice-links";

export async function InvoicesTable({ invoices }: { invoices: InvoiceRow[] }) {
  const [t, tRegime, format] = await Promise.all([getTranslations("invoices"), getTranslations("invoiceRegime"), getFormatter()]);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("number")}</th>
            <th scope="col">{t("date")}</th>
            <th scope="col" className="num">{t("net")}</th>
            <th scope="col" className="num">{t("total")}</th>
            <th scope="col">{t("regime")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link href={`/fatture/${i.id}`} aria-label={t("viewLabel", { number: i.number })}>{i.number}</Link>
              </th>
              <td>{format.dateTime(i.issuedAt, { dateStyle: "medium" })}</td>
              <td className="num">{formatMoney(i.netCents)}</td>
              <td className="num">{formatMoney(i.totalCents)}</td>
              <td>{tRegime(invoiceRegime(i))}</td>
              <td><InvoiceStatusBadge status={i.status} /></td>
              <td>
                <span style={{ display: "inline-flex", gap: "0.5rem", flexWrap: "wrap" }}>
                  <DownloadPdfLink invoice={i} />
                  {i.status !== "PAID" ? <PayInvoiceLink invoice={i} /> : null}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
