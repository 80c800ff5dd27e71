/** Expected refusals of a back-office action on an invoice payment, shown to staff in plain words. */
export type SettlementErrorCode =
  | "invalid_input"
  | "not_allowed"
  | "not_found"
  | "payment_not_succeeded"
  | "payment_refunded"
  | "not_regime_mistake"
  | "vat_not_owed"
  | "already_settled";

export class SettlementError extends Error {
  constructor(readonly code: SettlementErrorCode) {
    super(code);
    this.name = "SettlementError";
  }
}
