import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { requireStaff } from "@/lib/auth/session";
import type { SettlementErrorCode } from "@/lib/invoice-settlement/errors";
import { getInvoiceForStaff } from "@/lib/invoice-settlement/queries";
import { formatMoney } from "@/lib/money";
import { InvoiceStatusBadge } from "../status-badge";
import { PaymentCard } from "./payment-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice.payments"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const errorCodes: SettlementErrorCode[] = ["invalid_input", "not_allowed", "not_found", "payment_not_succeeded", "not_regime_mistake", "vat_not_owed", "already_settled"];

export default async function StaffInvoicePage({ params, searchParams }: Props) {
  await requireStaff("AMMINISTRAZIONE");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const invoice = await getInvoiceForStaff(id);
  if (!invoice) notFound();
  const [t, tb, format] = await Promise.all([getTranslations("backoffice.invoice"), getTranslations("backoffice"), getFormatter()]);
  const error = errorCodes.find((c) => c === query.errore);
  const outcome =
    query.esito === "vat" ? t("outcomeVat", { amount: formatMoney(invoice.balanceCents) })
    : query.esito === "refunded" ? t("outcomeRefunded")
    : query.esito === "pending" ? t("outcomePending")
    : null;
  const rows: [string, React.ReactNode][] = [
    [t("customer"), t("customerValue", { name: invoice.customer.displayName, code: invoice.customer.customerCode })],
    [t("issued"), format.dateTime(invoice.issuedAt, { dateStyle: "long" })],
    [t("net"), formatMoney(invoice.netCents)],
    [t("vat"), formatMoney(invoice.vatCents)],
    [t("total"), formatMoney(invoice.totalCents)],
    [t("regime"), tb(`regimes.${invoice.splitPayment ? "SPLIT_PAYMENT" : "ORDINARY"}`)],
    [t("status"), <InvoiceStatusBadge key="s" status={invoice.status} />],
    ...(invoice.status === "PARTIALLY_PAID" ? [[t("balance"), formatMoney(invoice.balanceCents)] as [string, string]] : []),
    ...(invoice.paidAt ? [[t("paidAt"), format.dateTime(invoice.paidAt, { dateStyle: "long", timeStyle: "short" })] as [string, string]] : []),
  ];

  return (
    <>
      <p><Link href={`/backoffice/pagamenti?q=${encodeURIComponent(invoice.number)}`}>{t("back")}</Link></p>
      <h1>{t("title", { number: invoice.number })}</h1>
      {outcome ? <Alert tone="ok">{outcome}</Alert> : null}
      {error ? <Alert tone="danger">{tb(`errors.${error}`)}</Alert> : null}
      <section className="card" aria-labelledby="invoice-details">
        <h2 id="invoice-details">{t("details")}</h2>
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <h2>{t("paymentsTitle")}</h2>
      {invoice.payments.length === 0 ? <p>{t("noPayments")}</p> : null}
      {invoice.payments.map((p) => (
        <PaymentCard key={p.id} invoice={invoice} payment={p} />
      ))}
    </>
  );
}
