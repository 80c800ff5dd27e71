import type { InvoiceStatus, PaymentStatus, VatRegime } from "@/lib/db/generated/enums";
import { isRegimeMistake } from "@/lib/invoices/amounts";
import type { SettlementErrorCode } from "./errors";

export type InvoiceFacts = { status: InvoiceStatus; splitPayment: boolean; balanceSeq: number };
export type PaymentFacts = { status: PaymentStatus; regime: VatRegime; balanceSeq: number; refundedCents: number };
export type SettlementKind = "vat" | "refund";

/**
 * Why a payment can't be settled that way, or null when it can. A payment in the wrong regime is
 * settled once: either way moves the invoice's balanceSeq on, so afterwards the payment no longer
 * belongs to the invoice's current balance. "vat" (ask for the VAT still owed) only fits a split
 * payment made on an ordinary invoice; "refund" fits either mistake.
 */
export function settlementRefusal(invoice: InvoiceFacts, payment: PaymentFacts, kind: SettlementKind): SettlementErrorCode | null {
  if (payment.status !== "SUCCEEDED") return "payment_not_succeeded";
  if (!isRegimeMistake(invoice, payment)) return "not_regime_mistake";
  if (payment.refundedCents > 0 || payment.balanceSeq !== invoice.balanceSeq || invoice.status !== "PAID") return "already_settled";
  if (kind === "vat" && payment.regime !== "SPLIT_PAYMENT") return "vat_not_owed";
  return null;
}

/** What the back office offers for a payment: its resend, and the settlements that apply. */
export function paymentActions(invoice: InvoiceFacts, payment: PaymentFacts) {
  return {
    resend: payment.status === "SUCCEEDED",
    vat: settlementRefusal(invoice, payment, "vat") === null,
    refund: settlementRefusal(invoice, payment, "refund") === null,
  };
}
