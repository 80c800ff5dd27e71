import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Cell, Row, RowHeader, StackTable } from "@/components/ui/table";
import type { InvoiceDetail } from "@/lib/invoices/queries";
import { formatMoney } from "@/lib/money";

/** Payments made on Paga fattura, each with its quietanza once the receipts job has numbered it. */
export async function InvoicePayments({ invoice }: { invoice: Pick<InvoiceDetail, "id" | "payments"> }) {
  const [t, tRegime, format] = await Promise.all([getTranslations("invoice"), getTranslations("invoiceRegime"), getFormatter()]);
  if (invoice.payments.length === 0) return <p>{t("noPayments")}</p>;
  return (
    <StackTable
      caption={t("payments")}
      columns={[{ label: t("paymentDate") }, { label: t("paymentAmount"), num: true }, { label: t("paymentRegime") }, { label: t("paymentCard") }, { label: t("receipt") }]}
    >
      {invoice.payments.map((p) => (
        <Row key={p.id}>
          <RowHeader>{p.settledAt ? format.dateTime(p.settledAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</RowHeader>
          <Cell label={t("paymentAmount")} num>
            {formatMoney(p.amountCents)}
            {p.refund === "done" ? <> ({t("refunded", { amount: formatMoney(p.refundedCents) })})</> : p.refund === "owed" ? <> ({t("refundPending")})</> : null}
          </Cell>
          <Cell label={t("paymentRegime")}>{tRegime(p.regime)}</Cell>
          <Cell label={t("paymentCard")}>{p.cardBrand && p.cardLast4 ? `${p.cardBrand} •••• ${p.cardLast4}` : "—"}</Cell>
          <Cell label={t("receipt")}>
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
          </Cell>
        </Row>
      ))}
    </StackTable>
  );
}
