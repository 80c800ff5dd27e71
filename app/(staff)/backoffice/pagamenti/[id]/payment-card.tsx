import { getFormatter, getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/ui/submit-button";
import type { StaffInvoice } from "@/lib/invoice-settlement/queries";
import { formatMoney } from "@/lib/money";
import styles from "../../backoffice.module.css";
import { settlePaymentAction } from "../actions";
import { PaymentStatusBadge } from "../status-badge";
import { ResendForm } from "./resend-form";

type Payment = StaffInvoice["payments"][number];

/** One payment attempt: what the bank and the payer said, and what Amministrazione may do with it. */
export async function PaymentCard({ invoice, payment }: { invoice: StaffInvoice; payment: Payment }) {
  const [t, tb, format] = await Promise.all([getTranslations("backoffice.invoice"), getTranslations("backoffice"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  const headingId = `payment-${payment.id}`;
  const mistake = payment.status === "SUCCEEDED" && payment.regime !== (invoice.splitPayment ? "SPLIT_PAYMENT" : "ORDINARY");
  const rows: [string, React.ReactNode][] = [
    [t("paymentStatus"), <PaymentStatusBadge key="s" status={payment.status} />],
    [t("amount"), formatMoney(payment.amountCents)],
    [t("paymentRegime"), tb(`regimes.${payment.regime}`)],
    [t("payer"), payment.payerName],
    [t("taxId"), payment.payerTaxId],
    [t("receiptEmail"), payment.receiptEmail],
    [t("card"), payment.cardBrand && payment.cardLast4 ? `${payment.cardBrand} •••• ${payment.cardLast4}` : "—"],
    [t("transaction"), payment.gatewayChargeId ?? "—"],
    [t("receipt"), payment.receipt?.number ?? t("noReceipt")],
    ...(payment.failureReason ? [[t("failure"), payment.failureReason] as [string, string]] : []),
    ...(payment.refundedAt ? [[t("refund"), t("refundValue", { amount: formatMoney(payment.refundedCents), date: when(payment.refundedAt) })] as [string, string]] : []),
    ...(payment.resentCount > 0 ? [[t("resent"), String(payment.resentCount)] as [string, string]] : []),
  ];
  const settled = payment.refundedAt ? t("refunded") : payment.refundPending ? t("refundPending") : payment.settlement === "vat" ? t("vatOpened") : null;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("paymentTitle", { date: when(payment.createdAt) })}</h3>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {mistake ? <p><strong>{t("regimeMistake")}</strong> {settled}</p> : null}
      <div className={styles.actions}>
        {payment.actions.resend ? <ResendForm invoicePaymentId={payment.id} /> : null}
        {payment.actions.vat || payment.actions.refund ? (
          <div>
            <h4>{t("settleTitle")}</h4>
            {payment.actions.vat ? (
              <form action={settlePaymentAction}>
                <input type="hidden" name="invoicePaymentId" value={payment.id} />
                <input type="hidden" name="invoiceId" value={invoice.id} />
                <input type="hidden" name="kind" value="vat" />
                <p className="muted">{t("vatHint", { amount: formatMoney(invoice.vatCents) })}</p>
                <SubmitButton pendingLabel={t("working")}>{t("vatSubmit")}</SubmitButton>
              </form>
            ) : null}
            {payment.actions.refund ? (
              <form action={settlePaymentAction}>
                <input type="hidden" name="invoicePaymentId" value={payment.id} />
                <input type="hidden" name="invoiceId" value={invoice.id} />
                <input type="hidden" name="kind" value="refund" />
                <p className="muted">{t("refundHint", { amount: formatMoney(payment.amountCents) })}</p>
                <SubmitButton pendingLabel={t("working")}>{t("refundSubmit")}</SubmitButton>
              </form>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
