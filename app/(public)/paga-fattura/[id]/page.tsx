import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { invoicePaymentResultPath, PAY_INVOICE_PATH } from "@/lib/invoice-payments/paths";
import { getInvoicePaymentView } from "@/lib/invoice-payments/queries";
import { formatMoney } from "@/lib/money";
import { payInvoiceAction } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payInvoice"))("summary.title") };
}

const refusals = ["already_paid", "in_progress"] as const;

/** Riepilogo: what the payer typed and the invoice it matched, then "Paga con carta". */
export default async function InvoicePaymentSummaryPage({ params, searchParams }: Props) {
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations("payInvoice")]);
  const p = await getInvoicePaymentView(id);
  if (!p) notFound();
  if (!p.onSummary) redirect(invoicePaymentResultPath(p.id));
  const refusal = refusals.find((r) => r === query.errore);
  const rows: [string, string][] = [
    [t("summary.invoiceNumber"), p.invoice.number],
    [t("summary.holder"), p.invoice.holder],
    [t("summary.regime"), t(`form.regimes.${p.regime}`)],
    [t("summary.amount"), formatMoney(p.amountCents)],
    [t("summary.payerName"), p.payerName],
    [t("summary.payerTaxId"), p.payerTaxId],
    [t("summary.receiptEmail"), p.receiptEmail],
  ];
  return (
    <>
      <h1>{t("summary.title")}</h1>
      {refusal ? <Alert tone="danger">{t(`refusal.${refusal}`)}</Alert> : null}
      <p className="muted">{t("summary.text")}</p>
      <section className="card" aria-labelledby="riepilogo-fattura">
        <h2 id="riepilogo-fattura">{t("summary.section")}</h2>
        <dl className="details stack-narrow">
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: "contents" }}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t("summary.cardNotice")}</p>
        <form action={payInvoiceAction} className="actions-row">
          <input type="hidden" name="invoicePaymentId" value={p.id} />
          <SubmitButton pendingLabel={t("summary.paying")}>{t("summary.pay")}</SubmitButton>
          <Link href={`${PAY_INVOICE_PATH}?numero=${encodeURIComponent(p.invoice.number)}`}>{t("summary.change")}</Link>
        </form>
      </section>
    </>
  );
}
