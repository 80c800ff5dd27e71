import "server-only";
import type Stripe from "stripe";
import { now } from "@/lib/clock";
import { checkHostedSessionInput, merchantUrl } from "../input-checks";
import type { HostedSession, HostedSessionInput } from "../types";
import { rethrowIdempotency } from "./errors";
import { madeEarlier } from "./lookup";
import { recordStripeId, rememberAttempt, stripeCustomerFor, stripeKey } from "./records";

/**
 * A Checkout Session expires by itself after this long. Stripe's minimum is 30 minutes from the
 * creation by Stripe's clock: a session asked for exactly 30 minutes is refused whenever a second
 * ticks over between our clock and Stripe's, so the area asks for one minute more.
 */
export const CHECKOUT_TTL_MS = 31 * 60_000;

/** The area's return page as an absolute URL naming the attempt (`gw_mref`, read by `returnSignal`). */
export function attemptReturnUrl(returnUrl: string, merchantRef: string): URL {
  const url = new URL(merchantUrl(returnUrl));
  url.searchParams.set("gw_mref", merchantRef);
  return url;
}

/** Checkout's two ways back: success (Stripe adds {CHECKOUT_SESSION_ID}) and its back link. */
export function returnUrls(returnUrl: string, merchantRef: string) {
  const url = attemptReturnUrl(returnUrl, merchantRef);
  const cancel = new URL(url);
  cancel.searchParams.set("gw_abandoned", "1");
  // Stripe replaces the template only if its braces are not percent-encoded.
  return { success: `${url.toString()}&session_id={CHECKOUT_SESSION_ID}`, cancel: cancel.toString() };
}

function sessionParams(input: HostedSessionInput, customer: string | undefined): Stripe.Checkout.SessionCreateParams {
  const metadata = { merchantRef: input.merchantRef, idempotencyKey: input.idempotencyKey, merchantCustomerRef: input.merchantCustomerRef };
  const urls = returnUrls(input.returnUrl, input.merchantRef);
  const common = {
    client_reference_id: input.merchantRef,
    metadata,
    success_url: urls.success,
    cancel_url: urls.cancel,
    expires_at: Math.floor((now().getTime() + CHECKOUT_TTL_MS) / 1000),
    allowed_payment_method_types: ["card"],
    ...(customer ? { customer } : {}),
  } satisfies Partial<Stripe.Checkout.SessionCreateParams>;
  if (input.kind === "VERIFY") {
    return { ...common, mode: "setup", currency: "eur", setup_intent_data: { description: input.description, metadata } };
  }
  return {
    ...common,
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: input.amountCents, product_data: { name: input.description } } }],
    payment_intent_data: {
      description: input.description,
      metadata,
      // Keeps the card for renewals: Checkout attaches it to the customer and asks for 3-D Secure now.
      ...(input.saveCard ? { setup_future_usage: "off_session" } : {}),
    },
  };
}

function sameSession(session: Stripe.Checkout.Session, input: HostedSessionInput): boolean {
  const mode = input.kind === "VERIFY" ? "setup" : "payment";
  return session.mode === mode && session.metadata?.merchantRef === input.merchantRef && (mode === "setup" || session.amount_total === input.amountCents);
}

/**
 * A Checkout Session: `mode: "payment"` for a payment, `mode: "setup"` for a card check. The card
 * is typed on Stripe's page only (SAQ-A); the customer comes back to the area's return page.
 * The same key returns the same session, also after Stripe's 24 hours of idempotency.
 */
export async function createHostedSession(stripe: Stripe, input: HostedSessionInput): Promise<HostedSession> {
  checkHostedSessionInput(input);
  const earlier = await madeEarlier(stripe, input.idempotencyKey, (found) => found.kind === "session" && sameSession(found.session, input));
  if (earlier?.kind === "session") return { sessionId: earlier.session.id, redirectUrl: earlier.session.url ?? merchantUrl(input.returnUrl) };
  await rememberAttempt({ idempotencyKey: input.idempotencyKey, kind: "CHECKOUT_SESSION", merchantRef: input.merchantRef });
  // Only a card that is kept needs a Stripe Customer; a one-off payer (Paga fattura) gets none.
  const keep = input.kind === "VERIFY" || input.saveCard;
  const customer = keep ? await stripeCustomerFor(stripe, input.merchantCustomerRef) : undefined;
  const session = await stripe.checkout.sessions
    .create(sessionParams(input, customer), { idempotencyKey: stripeKey("session", input.idempotencyKey) })
    .catch(rethrowIdempotency);
  await recordStripeId(input.idempotencyKey, session.id);
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL`);
  return { sessionId: session.id, redirectUrl: session.url };
}
