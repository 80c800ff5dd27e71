/** Expected outcomes that reach the customer as plain messages (see lib/i18n messages "payErrors"). */
export class PaymentError extends Error {
  constructor(
    readonly code: "order_not_found" | "already_paid" | "not_payable" | "card_not_found" | "ceiling_consent_required" | "ceiling_changed" | "in_progress",
    readonly paymentId?: string,
    /** With ceiling_changed: the importo massimo prelevabile that applies now. */
    readonly ceilingCents?: number,
  ) {
    super(code);
    this.name = "PaymentError";
  }
}
