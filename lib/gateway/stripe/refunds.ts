import "server-only";
import Stripe from "stripe";
import { GatewayError } from "../errors";
import { checkAmount, checkText } from "../input-checks";
import { rethrowIdempotency } from "./errors";
import { stripeKey } from "./records";

/**
 * A refund of part or all of a payment (the PaymentIntent is the area's charge id). Stripe caps
 * the refunds at the amount charged; the area's key makes a repeated refund the same refund.
 */
export async function refund(stripe: Stripe, input: { chargeId: string; amountCents: number; idempotencyKey: string }) {
  checkAmount(input.amountCents, 1);
  checkText(input.idempotencyKey, "idempotencyKey");
  if (!/^pi_\w+$/.test(input.chargeId)) {
    // A card check (SetupIntent) moved no money; anything else is not one of Stripe's payments.
    if (/^seti_\w+$/.test(input.chargeId)) throw new GatewayError("charge_not_refundable", "a card verification has nothing to refund");
    throw new GatewayError("charge_not_found", "no such charge");
  }
  try {
    // Stripe forgets a key after 24 hours: a refund made with it earlier is found on the payment.
    for await (const made of stripe.refunds.list({ payment_intent: input.chargeId, limit: 100 })) {
      if (made.metadata?.idempotencyKey !== input.idempotencyKey) continue;
      if (made.amount !== input.amountCents) throw new GatewayError("idempotency_conflict", "idempotencyKey was already used for a different refund");
      return { refundId: made.id, refundedCents: made.amount };
    }
    const created = await stripe.refunds.create(
      { payment_intent: input.chargeId, amount: input.amountCents, metadata: { idempotencyKey: input.idempotencyKey } },
      { idempotencyKey: stripeKey("refund", input.idempotencyKey) },
    );
    return { refundId: created.id, refundedCents: created.amount };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      if (error.code === "resource_missing") throw new GatewayError("charge_not_found", "no such charge");
      if (error.code === "charge_already_refunded" || error.param === "amount") throw new GatewayError("refund_exceeds_charge", "the refunds would exceed the amount charged");
      throw new GatewayError("charge_not_refundable", "only a succeeded payment can be refunded");
    }
    return rethrowIdempotency(error);
  }
}
