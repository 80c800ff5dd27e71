import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { renderReceiptPdf, type ReceiptDocument } from "./document";

const receiptData = {
  id: true,
  number: true,
  pdf: true,
  generatedAt: true,
  invoicePayment: {
    select: {
      payerName: true, payerTaxId: true, regime: true, balanceSeq: true,
      attempt: { select: { status: true, settledAt: true, updatedAt: true, amountCents: true, cardBrand: true, cardLast4: true, gatewayChargeId: true, refundedAt: true, refundedCents: true, refundId: true } },
      invoice: {
        select: { id: true, number: true, issuedAt: true, totalCents: true, vatCents: true, splitPayment: true, customerId: true, customer: { select: { customerCode: true, locale: true } } },
      },
    },
  },
} as const;

export type StoredReceipt = NonNullable<Awaited<ReturnType<typeof loadReceipt>>>;
export type MadeReceipt = StoredReceipt & { pdf: Uint8Array };

function loadReceipt(receiptId: string) {
  return db.receipt.findUnique({ where: { id: receiptId }, select: receiptData });
}

function documentOf(r: StoredReceipt, generatedAt: Date): ReceiptDocument {
  const p = r.invoicePayment;
  const a = p.attempt;
  return {
    number: r.number, paidAt: a.settledAt ?? a.updatedAt, payerName: p.payerName, payerTaxId: p.payerTaxId, invoiceNumber: p.invoice.number,
    invoiceIssuedAt: p.invoice.issuedAt, customerCode: p.invoice.customer.customerCode, amountCents: a.amountCents, invoiceTotalCents: p.invoice.totalCents,
    invoiceVatCents: p.invoice.vatCents, regime: p.regime, cardBrand: a.cardBrand, cardLast4: a.cardLast4, transactionId: a.gatewayChargeId!, generatedAt,
    // A Split Payment on an ordinary invoice paid the net: the VAT is still owed.
    stillOwedCents: !p.invoice.splitPayment && p.regime === "SPLIT_PAYMENT" ? p.invoice.vatCents : 0,
    refund: a.refundedAt ? { at: a.refundedAt, cents: a.refundedCents, id: a.refundId ?? "—" } : null,
  };
}

/**
 * The receipt with its PDF as first issued, made now if it was never made. The PDF is made once:
 * the conditional update stores only the first one, so two concurrent callers (the job and an
 * owner's download) end up with the same document, and a resend sends what was sent the first
 * time. Null when there is no such receipt or its payment did not succeed (nothing to attest).
 */
export async function ensureReceiptPdf(receiptId: string): Promise<MadeReceipt | null> {
  const receipt = await loadReceipt(receiptId);
  if (!receipt || receipt.invoicePayment.attempt.status !== "SUCCEEDED" || !receipt.invoicePayment.attempt.gatewayChargeId) return null;
  if (receipt.pdf) return { ...receipt, pdf: receipt.pdf };
  const generatedAt = now();
  const pdf = await renderReceiptPdf({ ...documentOf(receipt, generatedAt), refund: null });
  await db.receipt.updateMany({ where: { id: receiptId, pdf: null }, data: { pdf: new Uint8Array(pdf), generatedAt } });
  const stored = await loadReceipt(receiptId);
  return stored?.pdf ? { ...stored, pdf: stored.pdf } : null;
}

/**
 * The quietanza as it stands today: the issued PDF, or, once the payment was refunded, the same
 * document marked "PAGAMENTO RIMBORSATO" with the refund's date and reference, which attests no
 * payment any more.
 */
export async function currentReceiptPdf(receiptId: string): Promise<MadeReceipt | null> {
  const issued = await ensureReceiptPdf(receiptId);
  if (!issued?.invoicePayment.attempt.refundedAt) return issued;
  const pdf = await renderReceiptPdf(documentOf(issued, issued.generatedAt ?? now()));
  return { ...issued, pdf: new Uint8Array(pdf) };
}

export const receiptFilename = (number: string) => `Quietanza-${number}.pdf`;
