import "server-only";
import Stripe from "stripe";
import { checkSavedCardChargeInput } from "../input-checks";
import type { PaymentOutcome, SavedCardChargeInput } from "../types";
import { rethrowIdempotency } from "./errors";
import { attemptReturnUrl } from "./hosted";
import { madeEarlier } from "./lookup";
import { expansions, outcomeOf } from "./outcome";
import { knownStripeCustomer, recordStripeId, rememberAttempt, stripeKey } from "./records";

function intentParams(input: SavedCardChargeInput, customer: string): Stripe.PaymentIntentCreateParams {
  const base: Stripe.PaymentIntentCreateParams = {
    amount: input.amountCents,
    currency: "eur",
    customer,
    payment_method: input.cardToken,
    allowed_payment_method_types: ["card"],
    confirm: true,
    description: input.description,
    metadata: { merchantRef: input.merchantRef, idempotencyKey: input.idempotencyKey, initiator: input.initiator },
    expand: [...expansions.intent],
  };
  // MIT: the customer is away; the issuer may decline with authentication_required, never challenge.
  // CIT: a challenge sends the browser to 3-D Secure and back to the area's return page.
  return input.initiator === "MIT" ? { ...base, off_session: true } : { ...base, return_url: attemptReturnUrl(input.returnUrl!, input.merchantRef).toString() };
}

function sameCharge(intent: Stripe.PaymentIntent, input: SavedCardChargeInput): boolean {
  const pm = typeof intent.payment_method === "string" ? intent.payment_method : intent.payment_method?.id;
  return intent.amount === input.amountCents && pm === input.cardToken && intent.metadata.merchantRef === input.merchantRef && intent.metadata.initiator === input.initiator;
}

/**
 * A PaymentIntent confirmed at once with the saved PaymentMethod. A decline comes back from Stripe
 * as a 402 carrying the PaymentIntent, which says why; the same key answers the same intent again.
 */
export async function chargeSavedCard(stripe: Stripe, input: SavedCardChargeInput): Promise<PaymentOutcome> {
  checkSavedCardChargeInput(input);
  const earlier = await madeEarlier(stripe, input.idempotencyKey, (found) => found.kind === "payment_intent" && sameCharge(found.intent, input));
  if (earlier) return outcomeOf(earlier);
  // A token is good only for the customer it was saved for: Stripe attaches it to their Customer.
  const customer = await knownStripeCustomer(input.merchantCustomerRef);
  if (!customer) return { status: "failed", reason: "invalid_card" };
  await rememberAttempt({ idempotencyKey: input.idempotencyKey, kind: "PAYMENT_INTENT", merchantRef: input.merchantRef, stripeCustomerId: customer });
  try {
    const intent = await stripe.paymentIntents.create(intentParams(input, customer), { idempotencyKey: stripeKey("charge", input.idempotencyKey) });
    await recordStripeId(input.idempotencyKey, intent.id);
    return outcomeOf({ kind: "payment_intent", intent });
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) {
      await recordStripeId(input.idempotencyKey, error.payment_intent.id);
      return outcomeOf({ kind: "payment_intent", intent: error.payment_intent });
    }
    // Another customer's card, a detached or unknown one: Stripe refuses it before any charge.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && (error.param === "payment_method" || error.param === "customer")) {
      return { status: "failed", reason: "invalid_card" };
    }
    return rethrowIdempotency(error);
  }
}
