import type Stripe from "stripe";
import type { CardDetails, DeclineReason, PaymentOutcome } from "../types";

/**
 * The one place where Stripe's answer becomes a `PaymentOutcome`: a Checkout Session, a
 * PaymentIntent or a SetupIntent, with the objects they point to expanded (see `expansions`).
 */
export type StripeAttemptObject =
  | { kind: "session"; session: Stripe.Checkout.Session }
  | { kind: "payment_intent"; intent: Stripe.PaymentIntent }
  | { kind: "setup_intent"; intent: Stripe.SetupIntent };

/** What must be expanded on retrieve for `outcomeOf` to see the card and the intent. */
export const expansions = {
  session: ["payment_intent.payment_method", "setup_intent.payment_method"],
  intent: ["payment_method"],
} as const;

type StripeError = Stripe.PaymentIntent.LastPaymentError | Stripe.SetupIntent.LastSetupError;

/** Stripe's error and decline codes (docs.stripe.com/declines/codes) in the area's words. */
export function declineReasonOf(error: Pick<StripeError, "code" | "decline_code"> | null | undefined): DeclineReason {
  const code = error?.code ?? "";
  const decline = error?.decline_code ?? "";
  if (decline === "authentication_required" || code === "authentication_required") return "authentication_required";
  if (code === "payment_intent_authentication_failure" || code === "setup_intent_authentication_failure") return "authentication_failed";
  if (decline === "insufficient_funds") return "insufficient_funds";
  if (code === "expired_card" || decline === "expired_card") return "expired_card";
  if (["incorrect_number", "invalid_number", "invalid_expiry_month", "invalid_expiry_year"].includes(code)) return "invalid_card";
  return "declined";
}

const brands: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express" };

/** The saved card's details; the token only when the card is kept for this customer (attached). */
export function cardOf(paymentMethod: Stripe.PaymentMethod | string | null): CardDetails {
  if (!paymentMethod || typeof paymentMethod === "string" || !paymentMethod.card) {
    throw new Error("Stripe answered a success without the card's PaymentMethod expanded");
  }
  const card = paymentMethod.card;
  return {
    token: paymentMethod.customer ? paymentMethod.id : null,
    brand: brands[card.brand] ?? card.brand.charAt(0).toUpperCase() + card.brand.slice(1),
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    holder: paymentMethod.billing_details.name?.trim() ?? "",
  };
}

const redirectOf = (nextAction: { redirect_to_url?: { url: string | null } } | null) => nextAction?.redirect_to_url?.url ?? null;

/**
 * PaymentIntents and SetupIntents share one lifecycle (requires_action → processing → succeeded,
 * or back to requires_payment_method with the error); they differ in the amount and the error field.
 */
function intentOutcomeOf(intent: Stripe.PaymentIntent | Stripe.SetupIntent): PaymentOutcome {
  const chargeId = intent.id;
  const lastError = intent.object === "payment_intent" ? intent.last_payment_error : intent.last_setup_error;
  switch (intent.status) {
    case "succeeded":
      return { status: "succeeded", chargeId, amountCents: intent.object === "payment_intent" ? intent.amount_received : 0, card: cardOf(intent.payment_method) };
    case "requires_action": {
      const redirectUrl = redirectOf(intent.next_action);
      // Without a redirect the customer can't authenticate here: the area ends the attempt.
      return redirectUrl ? { status: "requires_action", chargeId, redirectUrl } : { status: "pending" };
    }
    case "canceled":
      return { status: "failed", chargeId, reason: lastError ? declineReasonOf(lastError) : "authentication_abandoned" };
    case "requires_payment_method":
      // Confirmed and declined (or 3-D Secure failed): final for the area, which never retries an intent.
      return lastError ? { status: "failed", chargeId, reason: declineReasonOf(lastError) } : { status: "pending" };
    default: // processing, requires_confirmation, requires_capture: nothing final yet
      return { status: "pending" };
  }
}

const expanded = <T extends { id: string }>(value: string | T | null): T | null => (value && typeof value !== "string" ? value : null);

function sessionOutcome(session: Stripe.Checkout.Session): PaymentOutcome {
  const payment = expanded(session.payment_intent);
  const setup = expanded(session.setup_intent);
  const intentOf = (): PaymentOutcome | null => (payment ?? setup ? intentOutcomeOf((payment ?? setup)!) : null);
  switch (session.status) {
    case "open":
      // A card declined on Checkout's page leaves the session open: the customer may try another.
      return session.url ? { status: "requires_action", redirectUrl: session.url } : { status: "pending" };
    case "complete": {
      if (session.mode === "payment" && session.payment_status !== "paid") return { status: "pending" };
      const outcome = intentOf();
      if (!outcome) throw new Error(`Checkout Session ${session.id} is complete without its intent expanded`);
      return outcome;
    }
    case "expired": {
      // Expired (by us, or by time): the last decline on its page, if any, says why.
      const last = payment?.last_payment_error ?? setup?.last_setup_error;
      return { status: "failed", reason: last ? declineReasonOf(last) : "authentication_abandoned", ...(payment ? { chargeId: payment.id } : {}) };
    }
    default:
      return { status: "pending" };
  }
}

export function outcomeOf(found: StripeAttemptObject): PaymentOutcome {
  if (found.kind === "session") return sessionOutcome(found.session);
  return intentOutcomeOf(found.intent);
}

/** The Stripe object's own record of which attempt of the area made it. */
export function merchantRefOf(found: StripeAttemptObject): string | null {
  const metadata = found.kind === "session" ? found.session.metadata : found.intent.metadata;
  return metadata?.merchantRef ?? null;
}
