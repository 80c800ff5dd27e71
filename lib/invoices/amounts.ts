import type { InvoiceStatus, VatRegime } from "@/lib/db/generated/enums";

export type InvoiceAmounts = { status: InvoiceStatus; netCents: number; totalCents: number; balanceCents: number };

/**
 * What Paga fattura asks for an invoice in the regime the payer declares, or null when the
 * invoice can't be paid that way:
 * - unpaid: the total in the ordinary regime, the net in split payment (the VAT goes to the Treasury);
 * - partially paid: the open balance (e.g. the VAT after a split payment chosen by mistake), in the
 *   ordinary regime only;
 * - paid, or a payment of it being refunded: nothing (payable again once the refund is done).
 */
export function amountDue(invoice: InvoiceAmounts, regime: VatRegime): number | null {
  switch (invoice.status) {
    case "UNPAID":
      return regime === "SPLIT_PAYMENT" ? invoice.netCents : invoice.totalCents;
    case "PARTIALLY_PAID":
      return regime === "ORDINARY" && invoice.balanceCents > 0 ? invoice.balanceCents : null;
    case "PAID":
    case "REFUND_PENDING":
      return null;
  }
}

/** The regime an invoice was issued in. */
export function invoiceRegime(invoice: { splitPayment: boolean }): VatRegime {
  return invoice.splitPayment ? "SPLIT_PAYMENT" : "ORDINARY";
}

/** A payment made in a regime other than the invoice's: Amministrazione settles it. */
export function isRegimeMistake(invoice: { splitPayment: boolean }, payment: { regime: VatRegime }): boolean {
  return payment.regime !== invoiceRegime(invoice);
}
