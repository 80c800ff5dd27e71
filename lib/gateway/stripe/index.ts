import "server-only";
import type { PaymentGateway } from "../types";
import { chargeSavedCard } from "./charges";
import { stripeClient, type StripeSettings } from "./config";
import { CHECKOUT_TTL_MS, createHostedSession } from "./hosted";
import { cancel, getOutcome } from "./lookup";
import { refund } from "./refunds";
import { returnSignal, verifyWebhook } from "./signals";

/**
 * Stripe behind the gateway interface: Checkout for the hosted page (payment or card check),
 * PaymentIntents on the saved PaymentMethod for customer-present and off-session charges,
 * signed webhooks on the area's one notification route. Card data never reaches the area.
 */
export function createStripeGateway(settings: StripeSettings): PaymentGateway {
  const stripe = stripeClient(settings);
  return {
    name: "stripe",
    // A Checkout Session lives 31 minutes; an unfinished 3-D Secure is cancelled by the area.
    lateCompletionMs: CHECKOUT_TTL_MS + 10 * 60_000,
    createHostedSession: (input) => createHostedSession(stripe, input),
    chargeSavedCard: (input) => chargeSavedCard(stripe, input),
    getOutcome: (lookup) => getOutcome(stripe, lookup),
    cancel: (lookup) => cancel(stripe, lookup),
    refund: (input) => refund(stripe, input),
    verifyReturn: (query) => returnSignal(query),
    verifyNotification: (rawBody, headers) => verifyWebhook(stripe, settings.webhookSecret, rawBody, headers),
  };
}

export { stripeSettings, StripeConfigError, isLiveKey } from "./config";
