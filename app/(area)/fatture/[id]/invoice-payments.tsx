import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InvoiceDetail } from "@/lib/invoices/queries";
import { formatMoney } from "@/lib/money";

/** Payments made on Paga fattura, each with its quietanza once the receipts job has numbered it. */
export async function InvoicePayments({ invoice }: { invoice: Pick<InvoiceDetail, "id" | "payments"> }) {
  const [t, tRegime, format] = await Promise.all([getTranslations("invoice"), getTranslations("invoiceRegime"), getFormatter()]);
  if (invoice.payments.length === 0) return <p>{t("noPayments")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("payments")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("paymentDate")}</th>
            <th scope="col" className="num">{t("paymentAmount")}</th>
            <th scope="col">{t("paymentRegime")}</th>
            <th scope="col">{t("paymentCard")}</th>
            <th scope="col">{t("receipt")}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.payments.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.settledAt ? format.dateTime(p.settledAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</th>
              <td className="num">
                {formatMoney(p.amountCents)}
                {p.refund === "done" ? <> ({t("refunded", { amount: formatMoney(p.refundedCents) })})</> : p.refund === "owed" ? <> ({t("refundPending")})</> : null}
              </td>
              <td>{tRegime(p.regime)}</td>
              <td>{p.cardBrand && p.cardLast4 ? `${p.cardBrand} •••• ${p.cardLast4}` : "—"}</td>
              <td>
                {p.receipt ? (
                  <Link
                    href={`/fatture/${invoice.id}/quietanze/${p.receipt.id}`}
                    aria-label={t(p.refund === "done" ? "receiptRefundedLabel" : "receiptLabel", { number: p.receipt.number })}
                    prefetch={false}
                  >
                    {t(p.refund === "done" ? "receiptRefunded" : "receipt")}
                  </Link>
                ) : (
                  <span className="muted">{t("receiptPending")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
