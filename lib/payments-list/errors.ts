/** Expected refusals of a Lista Pagamenti request; neither says whether the data matched a customer. */
export class PaymentsListError extends Error {
  constructor(
    readonly code: "invalid_input" | "rate_limited",
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = "PaymentsListError";
  }
}
