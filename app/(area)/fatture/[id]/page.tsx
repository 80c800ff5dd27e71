import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LineItems } from "@/components/line-items";
import { requireAccountViewer } from "@/lib/auth/session";
import { amountDue, invoiceRegime } from "@/lib/invoices/amounts";
import { getInvoiceDetail } from "@/lib/invoices/queries";
import { formatMoney } from "@/lib/money";
import { DownloadPdfLink, PayInvoiceLink } from "../invoice-links";
import { InvoiceStatusBadge } from "../invoice-status-badge";
import { InvoicePayments } from "./invoice-payments";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const invoice = await getInvoiceDetail(await requireAccountViewer("/fatture"), (await params).id);
  return { title: invoice?.number };
}

export default async function InvoicePage({ params }: Props) {
  const invoice = await getInvoiceDetail(await requireAccountViewer("/fatture"), (await params).id);
  if (!invoice) notFound();
  const [t, tList, tRegime, format] = await Promise.all([getTranslations("invoice"), getTranslations("invoices"), getTranslations("invoiceRegime"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const due = invoice.status === "PARTIALLY_PAID" ? invoice.balanceCents : amountDue(invoice, invoiceRegime(invoice));
  return (
    <>
      <p><Link href="/fatture">{t("back")}</Link></p>
      <div className="page-head">
        <h1>{t("title", { number: invoice.number })}</h1>
        <InvoiceStatusBadge status={invoice.status} />
      </div>
      <section className="card" aria-labelledby="dati">
        <h2 id="dati">{t("summary")}</h2>
        <dl className="details">
          <dt>{t("issuedAt")}</dt>
          <dd>{day(invoice.issuedAt)}</dd>
          {invoice.dueAt ? (<><dt>{tList("dueAt")}</dt><dd>{day(invoice.dueAt)}</dd></>) : null}
          <dt>{tList("regime")}</dt>
          <dd>{tRegime(invoiceRegime(invoice))}</dd>
          {invoice.paidAt && invoice.status === "PAID" ? (<><dt>{t("paidAt")}</dt><dd>{day(invoice.paidAt)}</dd></>) : null}
          {invoice.order ? (<><dt>{t("order")}</dt><dd><Link href={`/ordini/${invoice.order.id}`}>{invoice.order.number}</Link></dd></>) : null}
          {due ? (<><dt>{invoice.status === "PARTIALLY_PAID" ? t("balance") : t("amountDue")}</dt><dd><strong>{formatMoney(due)}</strong></dd></>) : null}
        </dl>
        {invoice.splitPayment ? <p>{t("splitPaymentNote")}</p> : null}
        <p className="actions-row">
          {due ? <PayInvoiceLink invoice={invoice} size="normal" /> : null}
          <DownloadPdfLink invoice={invoice} size="normal" />
        </p>
      </section>
      <section className="card" aria-labelledby="voci">
        <h2 id="voci">{t("lines")}</h2>
        <LineItems kind="invoice" caption={t("lines")} lines={invoice.lines} totals={invoice} />
      </section>
      <section className="card" aria-labelledby="pagamenti">
        <h2 id="pagamenti">{t("payments")}</h2>
        <InvoicePayments invoice={invoice} />
      </section>
    </>
  );
}
