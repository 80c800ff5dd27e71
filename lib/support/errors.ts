/** Expected refusals of a support request; the form shows each in plain words. */
export class SupportError extends Error {
  constructor(
    readonly code: "invalid_input" | "rate_limited",
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = "SupportError";
  }
}
