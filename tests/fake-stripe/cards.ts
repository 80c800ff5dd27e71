/**
 * Stripe's documented test cards (docs.stripe.com/testing) and how each one answers. The fake
 * keeps card numbers in memory only, like a bank; nothing here reaches the area.
 */
export type CardBehaviour =
  | "approve"
  | "decline" // card_declined / generic_decline
  | "insufficient_funds"
  | "expired_card"
  | "always_authenticate" // 3-D Secure on every on-session payment; off-session: authentication_required
  | "authenticate_unless_set_up" // 3-D Secure on-session; off-session needs it unless set up for future use
  | "authenticate_then_insufficient_funds" // 3-D Secure on the first payment, later ones insufficient_funds
  | "attach_then_decline"; // attaches (and sets up) fine, every charge declined

import { passesLuhn } from "@/lib/security/card-numbers";

export { testPaymentMethods } from "@/lib/gateway/stripe/test-payment-methods";

export type TestCard = { number: string; brand: "visa" | "mastercard" | "amex"; behaviour: CardBehaviour };

const cards: TestCard[] = [
  { number: "4242424242424242", brand: "visa", behaviour: "approve" },
  { number: "5555555555554444", brand: "mastercard", behaviour: "approve" },
  { number: "378282246310005", brand: "amex", behaviour: "approve" },
  { number: "4000000000000002", brand: "visa", behaviour: "decline" },
  { number: "4000000000009995", brand: "visa", behaviour: "insufficient_funds" },
  { number: "4000000000000069", brand: "visa", behaviour: "expired_card" },
  { number: "4000002760003184", brand: "visa", behaviour: "always_authenticate" },
  { number: "4000002500003155", brand: "visa", behaviour: "authenticate_unless_set_up" },
  { number: "4000008260003178", brand: "visa", behaviour: "authenticate_then_insufficient_funds" },
  { number: "4000000000000341", brand: "visa", behaviour: "attach_then_decline" },
];

/** Any other Luhn-valid Visa/Mastercard number behaves like 4242, as on Stripe. */
export function testCard(number: string): TestCard | null {
  const digits = number.replace(/[\s-]/g, "");
  const known = cards.find((c) => c.number === digits);
  if (known) return known;
  if (!/^\d{13,19}$/.test(digits) || !passesLuhn(digits)) return null;
  if (/^4/.test(digits)) return { number: digits, brand: "visa", behaviour: "approve" };
  if (/^(5[1-5]|2[2-7])/.test(digits)) return { number: digits, brand: "mastercard", behaviour: "approve" };
  if (/^3[47]/.test(digits)) return { number: digits, brand: "amex", behaviour: "approve" };
  return null;
}

/** A Stripe card error: `code` (and `decline_code` for issuer declines), as Stripe sends them. */
export type CardFailure = { code: string; decline_code?: string; message: string };

export const failures = {
  decline: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  insufficient_funds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  expired_card: { code: "expired_card", message: "Your card has expired." },
  authentication_required: { code: "authentication_required", decline_code: "authentication_required", message: "Your card was declined. This transaction requires authentication." },
  authentication_failed: { code: "payment_intent_authentication_failure", message: "We are unable to authenticate your payment method. Please choose a different payment method and try again." },
  setup_authentication_failed: { code: "setup_intent_authentication_failure", message: "We are unable to authenticate your payment method. Please choose a different payment method and try again." },
} satisfies Record<string, CardFailure>;

/**
 * What a charge of this card does. `onSession`: the customer is there (Checkout, a CIT with
 * return_url); `setUp`: the PaymentMethod was saved for off-session use (SetupIntent, or a payment
 * with setup_future_usage); `authenticated`: 3-D Secure was just completed for this payment.
 */
export function decideCharge(card: TestCard, opts: { onSession: boolean; setUp: boolean; authenticated: boolean }): "succeed" | "authenticate" | CardFailure {
  switch (card.behaviour) {
    case "approve":
      return "succeed";
    case "decline":
    case "attach_then_decline":
      return failures.decline;
    case "insufficient_funds":
      return failures.insufficient_funds;
    case "expired_card":
      return failures.expired_card;
    case "always_authenticate":
      if (opts.authenticated) return "succeed";
      return opts.onSession ? "authenticate" : failures.authentication_required;
    case "authenticate_unless_set_up":
      if (opts.authenticated || (!opts.onSession && opts.setUp)) return "succeed";
      return opts.onSession ? "authenticate" : failures.authentication_required;
    case "authenticate_then_insufficient_funds":
      if (opts.setUp) return failures.insufficient_funds;
      return opts.authenticated ? "succeed" : opts.onSession ? "authenticate" : failures.insufficient_funds;
  }
}

/** A card check (SetupIntent): 3-D Secure cards authenticate, declining cards fail, 0341 attaches. */
export function decideSetup(card: TestCard, authenticated: boolean): "succeed" | "authenticate" | CardFailure {
  switch (card.behaviour) {
    case "approve":
    case "attach_then_decline":
      return "succeed";
    case "decline":
      return failures.decline;
    case "insufficient_funds":
      return failures.insufficient_funds;
    case "expired_card":
      return failures.expired_card;
    default:
      return authenticated ? "succeed" : "authenticate";
  }
}
