/**
 * A request the gateway refuses outright (as opposed to a payment it declines, which is a
 * `failed` outcome). These are programming or configuration errors on the merchant's side, or a
 * refund the charge cannot cover: the area logs them and shows a generic message.
 */
export type GatewayErrorCode =
  | "invalid_request"
  | "idempotency_conflict"
  | "charge_not_found"
  | "charge_not_refundable"
  | "refund_exceeds_charge";

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}
