import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { maskName } from "./mask";

/**
 * One attempt as its pages show it: what the payer typed and the invoice's number, amounts and
 * masked holder, nothing else of the invoice or its customer. Null for a malformed or unknown id.
 */
export async function getInvoicePaymentView(invoicePaymentId: string) {
  if (!isUuid(invoicePaymentId)) return null;
  const p = await db.invoicePayment.findUnique({
    where: { id: invoicePaymentId },
    select: {
      id: true, status: true, failureReason: true, activeInvoiceId: true, amountCents: true, regime: true,
      payerName: true, payerTaxId: true, receiptEmail: true, cardBrand: true, cardLast4: true, settledAt: true,
      invoice: { select: { number: true, netCents: true, vatCents: true, totalCents: true, customer: { select: { displayName: true } } } },
    },
  });
  if (!p) return null;
  const { invoice, activeInvoiceId, ...attempt } = p;
  return {
    ...attempt,
    /** Still on the summary: "Paga con carta" not pressed yet. */
    onSummary: p.status === "CREATED" && !activeInvoiceId,
    invoice: { number: invoice.number, netCents: invoice.netCents, vatCents: invoice.vatCents, totalCents: invoice.totalCents, holder: maskName(invoice.customer.displayName) },
  };
}

export type InvoicePaymentPageView = NonNullable<Awaited<ReturnType<typeof getInvoicePaymentView>>>;
