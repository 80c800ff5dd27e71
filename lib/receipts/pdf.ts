import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { renderReceiptPdf } from "./document";

const receiptData = {
  id: true,
  number: true,
  pdf: true,
  invoicePayment: {
    select: {
      status: true, settledAt: true, updatedAt: true, payerName: true, payerTaxId: true, amountCents: true, regime: true, cardBrand: true, cardLast4: true, gatewayChargeId: true,
      invoice: { select: { id: true, number: true, issuedAt: true, totalCents: true, vatCents: true, customerId: true, customer: { select: { customerCode: true, locale: true } } } },
    },
  },
} as const;

export type StoredReceipt = Awaited<ReturnType<typeof loadReceipt>> & {};
export type MadeReceipt = NonNullable<StoredReceipt> & { pdf: Uint8Array };

function loadReceipt(receiptId: string) {
  return db.receipt.findUnique({ where: { id: receiptId }, select: receiptData });
}

/**
 * The receipt with its PDF, made now if it was never made. The PDF is made once: the conditional
 * update stores only the first one, so two concurrent callers (the job and an owner's download)
 * end up with the same document, and a resend sends what was sent the first time.
 * Null when there is no such receipt or its payment did not succeed (nothing to attest).
 */
export async function ensureReceiptPdf(receiptId: string): Promise<MadeReceipt | null> {
  const receipt = await loadReceipt(receiptId);
  if (!receipt || receipt.invoicePayment.status !== "SUCCEEDED" || !receipt.invoicePayment.gatewayChargeId) return null;
  if (receipt.pdf) return { ...receipt, pdf: receipt.pdf };

  const p = receipt.invoicePayment;
  const generatedAt = now();
  const pdf = await renderReceiptPdf({
    number: receipt.number,
    paidAt: p.settledAt ?? p.updatedAt,
    payerName: p.payerName,
    payerTaxId: p.payerTaxId,
    invoiceNumber: p.invoice.number,
    invoiceIssuedAt: p.invoice.issuedAt,
    customerCode: p.invoice.customer.customerCode,
    amountCents: p.amountCents,
    invoiceTotalCents: p.invoice.totalCents,
    invoiceVatCents: p.invoice.vatCents,
    regime: p.regime,
    cardBrand: p.cardBrand,
    cardLast4: p.cardLast4,
    transactionId: p.gatewayChargeId!,
    generatedAt,
  });
  await db.receipt.updateMany({ where: { id: receiptId, pdf: null }, data: { pdf: new Uint8Array(pdf), generatedAt } });
  const stored = await loadReceipt(receiptId);
  return stored?.pdf ? { ...stored, pdf: stored.pdf } : null;
}

export const receiptFilename = (number: string) => `Quietanza-${number}.pdf`;
