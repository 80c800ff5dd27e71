import type Stripe from "stripe";
import { now } from "@/lib/clock";
import type { GatewaySignal } from "../types";

/** Stripe signs each delivery afresh; one older than this is a replay (Stripe's own default). */
export const WEBHOOK_TOLERANCE_S = 300;

const idOf = (value: string | { id: string } | null) => (value === null ? null : typeof value === "string" ? value : value.id);
const refOf = (metadata: Stripe.Metadata | null | undefined) => metadata?.merchantRef || null;

/**
 * The events the area acts on, each mapped to the attempt it concerns (the `merchantRef` the
 * adapter put in the object's metadata); every other event is genuine but none of the area's
 * business: acknowledged (merchantRef null) so that Stripe stops sending it.
 */
export function signalOf(event: Stripe.Event): GatewaySignal {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.expired": {
      const session = event.data.object;
      return { id: event.id, merchantRef: refOf(session.metadata), lookup: { sessionId: session.id } };
    }
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed":
    case "setup_intent.succeeded": {
      const intent = event.data.object;
      return { id: event.id, merchantRef: refOf(intent.metadata), lookup: { chargeId: intent.id } };
    }
    case "charge.refunded": {
      // Stripe copies a PaymentIntent's metadata to its charge when it is confirmed.
      const charge = event.data.object;
      const intent = idOf(charge.payment_intent);
      return { id: event.id, merchantRef: refOf(charge.metadata), ...(intent ? { lookup: { chargeId: intent } } : {}) };
    }
    default:
      return { id: event.id, merchantRef: null };
  }
}

/** A webhook: signature over the raw body with the endpoint's secret, and the timestamp's age. */
export function verifyWebhook(stripe: Stripe, webhookSecret: string, rawBody: string, headers: Headers): GatewaySignal | null {
  const signature = headers.get("stripe-signature");
  if (!signature) return null;
  let event: Stripe.Event;
  try {
    // The age is measured on the area's clock (the one tests move), in milliseconds.
    event = stripe.webhooks.constructEvent(rawBody, signature, webhookSecret, WEBHOOK_TOLERANCE_S, undefined, now().getTime());
  } catch {
    return null;
  }
  return signalOf(event);
}

const stripeId = (prefix: string, value: string | null) => (value && new RegExp(`^${prefix}_[0-9A-Za-z_]{1,200}$`).test(value) ? value : null);

/**
 * The browser back from Checkout (success_url / cancel_url) or from 3-D Secure (return_url): Stripe
 * signs none of them, so this is only a hint naming the attempt; no lookup is offered, the area
 * asks Stripe about its own attempt. `abandoned`: the customer used Checkout's back link.
 */
export function returnSignal(query: URLSearchParams): GatewaySignal | null {
  const merchantRef = query.get("gw_mref");
  if (!merchantRef || merchantRef.length > 200) return null;
  if (query.get("gw_abandoned") === "1") return { id: `abandoned:${merchantRef}`, merchantRef, abandoned: true };
  const id = stripeId("cs", query.get("session_id")) ?? stripeId("pi", query.get("payment_intent")) ?? stripeId("seti", query.get("setup_intent"));
  return id ? { id, merchantRef } : null;
}
