/** Expected refusals of the account's use cases; the pages show each in plain words. */
export type AccountErrorCode =
  | "invalid_input"
  | "wrong_password"
  | "rate_limited"
  | "not_allowed"
  | "invalid_token"
  | "invalid_code"
  | "not_found"
  | "same_email"
  | "same_password";

export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
    this.name = "AccountError";
  }
}
