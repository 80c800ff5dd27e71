import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { maskName } from "./mask";

/**
 * One attempt as its pages show it: what the payer typed and the invoice's number, amounts and
 * masked holder, nothing else of the invoice or its customer; after a success, what the invoice
 * still asks (the VAT of an ordinary invoice paid in Split Payment). Null for a malformed or unknown id.
 */
export async function getInvoicePaymentView(invoicePaymentId: string) {
  if (!isUuid(invoicePaymentId)) return null;
  const p = await db.invoicePayment.findUnique({
    where: { id: invoicePaymentId },
    select: {
      id: true, regime: true, payerName: true, payerTaxId: true, receiptEmail: true, balanceSeq: true,
      attempt: { select: { status: true, failureReason: true, activeKey: true, amountCents: true, cardBrand: true, cardLast4: true, settledAt: true, refundOwedAt: true } },
      invoice: { select: { number: true, netCents: true, vatCents: true, totalCents: true, status: true, balanceCents: true, balanceSeq: true, customer: { select: { displayName: true } } } },
    },
  });
  if (!p) return null;
  const { invoice, attempt, balanceSeq, ...payer } = p;
  // The balance this payment left open, if the invoice still asks it (nobody paid it since).
  const stillOwedCents = attempt.status === "SUCCEEDED" && invoice.status === "PARTIALLY_PAID" && invoice.balanceSeq === balanceSeq + 1 ? invoice.balanceCents : 0;
  return {
    ...payer,
    status: attempt.status, failureReason: attempt.failureReason, amountCents: attempt.amountCents, cardBrand: attempt.cardBrand, cardLast4: attempt.cardLast4, settledAt: attempt.settledAt,
    refundOwed: !!attempt.refundOwedAt,
    /** Still on the summary: "Paga con carta" not pressed yet. */
    onSummary: attempt.status === "CREATED" && !attempt.activeKey,
    stillOwedCents,
    invoice: { number: invoice.number, netCents: invoice.netCents, vatCents: invoice.vatCents, totalCents: invoice.totalCents, holder: maskName(invoice.customer.displayName) },
  };
}

export type InvoicePaymentPageView = NonNullable<Awaited<ReturnType<typeof getInvoicePaymentView>>>;
