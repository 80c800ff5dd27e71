/** Expected refusals of Paga fattura; each reaches the payer as a plain message ("payInvoice.errors"). */
export class InvoicePaymentError extends Error {
  constructor(
    readonly code:
      | "invalid_input"
      /** Number, customer code and amount do not match an invoice to pay (never says which field). */
      | "no_match"
      /** The invoice was paid (this amount): a second payment is refused. */
      | "already_paid"
      /** A refund of a payment of this invoice is under way: payable again once it is done. */
      | "refund_pending"
      | "rate_limited"
      /** Another attempt on this invoice is being processed right now. */
      | "in_progress"
      | "not_found",
    readonly details: { retryAfterSeconds?: number; invoicePaymentId?: string } = {},
  ) {
    super(code);
    this.name = "InvoicePaymentError";
  }
}
