import "server-only";
import type Stripe from "stripe";
import { log } from "@/lib/ops/log";
import { GatewayError } from "../errors";
import type { GatewayLookup, PaymentOutcome } from "../types";
import { isMissing, isStripeError } from "./errors";
import { expansions, merchantRefOf, outcomeOf, type StripeAttemptObject } from "./outcome";
import { attemptOf, recordStripeId, stripeKey } from "./records";

/** How far back a saved-card charge whose answer was lost is looked for among the customer's. */
const LOST_ANSWER_WINDOW_S = 10 * 60;

export async function retrieveById(stripe: Stripe, id: string): Promise<StripeAttemptObject | null> {
  try {
    if (/^cs_/.test(id)) return { kind: "session", session: await stripe.checkout.sessions.retrieve(id, { expand: [...expansions.session] }) };
    if (/^pi_/.test(id)) return { kind: "payment_intent", intent: await stripe.paymentIntents.retrieve(id, { expand: [...expansions.intent] }) };
    if (/^seti_/.test(id)) return { kind: "setup_intent", intent: await stripe.setupIntents.retrieve(id, { expand: [...expansions.intent] }) };
    return null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * A saved-card charge made with this key whose answer never reached the adapter (the process
 * died, the connection broke after Stripe charged): the customer's recent PaymentIntents carry the
 * key in their metadata. A list, not a search: lists are consistent at once.
 */
async function findLostCharge(stripe: Stripe, key: string, customer: string, since: Date): Promise<string | null> {
  const created = { gte: Math.floor(since.getTime() / 1000) - LOST_ANSWER_WINDOW_S };
  for await (const intent of stripe.paymentIntents.list({ customer, created, limit: 100 })) {
    if (intent.metadata?.idempotencyKey === key) return intent.id;
  }
  return null;
}

async function findByKey(stripe: Stripe, key: string): Promise<StripeAttemptObject | null> {
  const attempt = await attemptOf(key);
  if (!attempt) return null;
  let stripeId = attempt.stripeId;
  if (!stripeId && attempt.kind === "PAYMENT_INTENT" && attempt.stripeCustomerId) {
    stripeId = await findLostCharge(stripe, key, attempt.stripeCustomerId, attempt.createdAt);
    if (stripeId) await recordStripeId(key, stripeId);
  }
  // A session whose creation was never answered was never shown to anyone: nothing to find.
  return stripeId ? retrieveById(stripe, stripeId) : null;
}

/**
 * Finds the Stripe object of an attempt: by the ids the area recorded (the session first: it is
 * the attempt, its PaymentIntent is inside), else by the key. An object that another attempt made
 * is not this attempt's: ids can come from a browser.
 */
export async function findAttemptObject(stripe: Stripe, lookup: GatewayLookup): Promise<StripeAttemptObject | null> {
  const ids = ["sessionId" in lookup ? lookup.sessionId : null, "chargeId" in lookup ? lookup.chargeId : null].filter((id): id is string => !!id);
  let found: StripeAttemptObject | null = null;
  for (const id of ids) if (!found) found = await retrieveById(stripe, id);
  if (!found && "idempotencyKey" in lookup && lookup.idempotencyKey) found = await findByKey(stripe, lookup.idempotencyKey);
  const expected = "merchantRef" in lookup ? lookup.merchantRef : null;
  if (found && expected && merchantRefOf(found) !== expected) {
    log("gateway").warn({ merchantRef: expected, found: merchantRefOf(found) }, "a Stripe object of another attempt was looked up");
    return null;
  }
  return found;
}

export async function getOutcome(stripe: Stripe, lookup: GatewayLookup): Promise<PaymentOutcome> {
  const found = await findAttemptObject(stripe, lookup);
  return found ? outcomeOf(found) : { status: "not_found" };
}

/**
 * What an earlier call with this key made, once Stripe had answered it (Stripe itself forgets a
 * key after 24 hours); a call with the key that asks for something else is refused.
 */
export async function madeEarlier(stripe: Stripe, key: string, same: (found: StripeAttemptObject) => boolean): Promise<StripeAttemptObject | null> {
  const known = await attemptOf(key);
  if (!known?.stripeId) return null;
  const found = await retrieveById(stripe, known.stripeId);
  if (!found || !same(found)) throw new GatewayError("idempotency_conflict", "idempotencyKey was already used for a different request");
  return found;
}

const openIntent = ["requires_payment_method", "requires_confirmation", "requires_action"];

/** Ends what can still complete; Stripe refuses to end what already succeeded, which is then the answer. */
async function endAtStripe(stripe: Stripe, found: StripeAttemptObject) {
  const options = { idempotencyKey: stripeKey("cancel", found.kind === "session" ? found.session.id : found.intent.id) };
  if (found.kind === "session") {
    if (found.session.status === "open") await stripe.checkout.sessions.expire(found.session.id, {}, options);
  } else if (openIntent.includes(found.intent.status)) {
    if (found.kind === "payment_intent") await stripe.paymentIntents.cancel(found.intent.id, { cancellation_reason: "abandoned" }, options);
    else await stripe.setupIntents.cancel(found.intent.id, { cancellation_reason: "abandoned" }, options);
  }
}

/**
 * Cancel is atomic with success at Stripe: of "expire"/"cancel" and the customer's confirmation,
 * one wins. A 400 here means the customer won (or it had ended): read it again and report that.
 */
export async function cancel(stripe: Stripe, lookup: GatewayLookup): Promise<PaymentOutcome> {
  const found = await findAttemptObject(stripe, lookup);
  if (!found) return { status: "not_found" };
  try {
    await endAtStripe(stripe, found);
  } catch (error) {
    if (!isStripeError(error) || error.statusCode !== 400) throw error;
  }
  const again = await retrieveById(stripe, found.kind === "session" ? found.session.id : found.intent.id);
  return again ? outcomeOf(again) : { status: "not_found" };
}
