/** Expected outcomes of the card use cases, shown to the customer as plain messages ("cardManage"). */
export class CardError extends Error {
  constructor(
    readonly code:
      | "card_not_found"
      | "ceiling_consent_required"
      | "ceiling_changed"
      | "too_many_verifications"
      | "renewal_card_in_use"
      | "replacement_not_found"
      /** A login with a PEC mailbox's password opens that mailbox, not the account's cards. */
      | "account_login_required",
  ) {
    super(code);
    this.name = "CardError";
  }
}
