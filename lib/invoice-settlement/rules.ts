import type { InvoiceStatus, PaymentStatus, VatRegime } from "@/lib/db/generated/enums";
import { isRegimeMistake } from "@/lib/invoices/amounts";
import type { SettlementErrorCode } from "./errors";

export type InvoiceFacts = { status: InvoiceStatus; splitPayment: boolean; balanceSeq: number };
export type PaymentFacts = { status: PaymentStatus; regime: VatRegime; balanceSeq: number; refundOwed: boolean; refunded: boolean; settlement: string | null };
export type SettlementKind = "vat" | "refund";

/**
 * The invoice is still as this payment left it: for a Split Payment chosen on an ordinary invoice,
 * partially paid with its VAT as the next balance (not paid since); for the ordinary regime on a
 * split-payment invoice (the VAT paid to the provider instead of the Treasury), paid by it.
 */
function untouchedSince(invoice: InvoiceFacts, payment: PaymentFacts): boolean {
  return payment.regime === "SPLIT_PAYMENT"
    ? invoice.status === "PARTIALLY_PAID" && invoice.balanceSeq === payment.balanceSeq + 1
    : invoice.status === "PAID" && invoice.balanceSeq === payment.balanceSeq;
}

/**
 * Why a payment can't be settled that way, or null when it can. A payment in the wrong regime is
 * settled once, while the invoice is as it left it. "vat" (ask the payer for the VAT still owed,
 * already the invoice's open balance) only fits a split payment made on an ordinary invoice;
 * "refund" fits either mistake.
 */
export function settlementRefusal(invoice: InvoiceFacts, payment: PaymentFacts, kind: SettlementKind): SettlementErrorCode | null {
  if (payment.status !== "SUCCEEDED") return "payment_not_succeeded";
  if (!isRegimeMistake(invoice, payment)) return "not_regime_mistake";
  if (payment.refundOwed || payment.refunded || payment.settlement !== null || !untouchedSince(invoice, payment)) return "already_settled";
  if (kind === "vat" && payment.regime !== "SPLIT_PAYMENT") return "vat_not_owed";
  return null;
}

/** What the back office offers for a payment: its resend, and the settlements that apply. */
export function paymentActions(invoice: InvoiceFacts, payment: PaymentFacts) {
  return {
    resend: payment.status === "SUCCEEDED" && !payment.refundOwed && !payment.refunded,
    vat: settlementRefusal(invoice, payment, "vat") === null,
    refund: settlementRefusal(invoice, payment, "refund") === null,
  };
}
