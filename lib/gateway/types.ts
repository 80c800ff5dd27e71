/**
 * The one door between the area and a bank. The area's payment use cases see only this
 * interface; `lib/gateway/index.ts` picks the implementation from configuration (PAYMENT_GATEWAY,
 * default "sandbox"), so a real acquirer can be added without touching them.
 * Amounts are integer cents; `idempotencyKey` is stored by the caller before the call, and the
 * same key always returns the same session or charge, however often it is repeated.
 */

export type DeclineReason =
  | "declined"
  | "insufficient_funds"
  | "expired_card"
  | "authentication_failed"
  | "authentication_abandoned"
  | "invalid_card";

/** What the area may keep of a card (PCI DSS SAQ-A): never the number or the CVV. */
export type CardDetails = {
  token: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  holder: string;
};

export type HostedSessionInput = {
  /** PAYMENT charges `amountCents` and saves the card; VERIFY checks the card for zero and saves it. */
  kind: "PAYMENT" | "VERIFY";
  amountCents: number;
  currency: "EUR";
  /** The merchant's reference (e.g. the payment id), echoed in redirects and notifications. */
  merchantRef: string;
  /** Scopes the saved card to one customer of the merchant. */
  merchantCustomerRef: string;
  idempotencyKey: string;
  /** Where the browser goes back when the customer is done (success, failure or abandon). */
  returnUrl: string;
  /** Where the bank posts the signed server-to-server notification. */
  notifyUrl?: string;
};

export type HostedSession = { sessionId: string; redirectUrl: string };

export type SavedCardChargeInput = {
  cardToken: string;
  amountCents: number;
  currency: "EUR";
  merchantRef: string;
  idempotencyKey: string;
  /** CIT: customer present, may require 3-D Secure. MIT: off-session (renewals), never challenged. */
  initiator: "CIT" | "MIT";
  /** For CIT: where the browser returns after a 3-D Secure challenge. */
  returnUrl?: string;
  notifyUrl?: string;
};

/** The bank's answer about one payment, session or charge; `pending` while nothing is final. */
export type PaymentOutcome =
  | { status: "succeeded"; chargeId: string; amountCents: number; card: CardDetails }
  | { status: "requires_action"; chargeId?: string; redirectUrl: string }
  | { status: "pending" }
  | { status: "failed"; reason: DeclineReason; chargeId?: string }
  | { status: "not_found" };

export type GatewayLookup = { sessionId: string } | { chargeId: string } | { idempotencyKey: string };

/** A verified redirect or notification: the area still asks `getOutcome` before acting on it. */
export type GatewaySignal = { id: string; merchantRef: string; lookup: GatewayLookup };

export interface PaymentGateway {
  readonly name: string;
  createHostedSession(input: HostedSessionInput): Promise<HostedSession>;
  chargeSavedCard(input: SavedCardChargeInput): Promise<PaymentOutcome>;
  getOutcome(lookup: GatewayLookup): Promise<PaymentOutcome>;
  /** Ends an unfinished hosted session or challenge, so it can never succeed later. */
  cancel(lookup: GatewayLookup): Promise<PaymentOutcome>;
  refund(input: { chargeId: string; amountCents: number; idempotencyKey: string }): Promise<{ refundId: string; refundedCents: number }>;
  /** Checks the signature, timestamp and freshness of a return redirect's query string. */
  verifyReturn(query: URLSearchParams): GatewaySignal | null;
  /** Checks a server-to-server notification (raw body + headers); refuses replays older than 5 minutes. */
  verifyNotification(rawBody: string, headers: Headers): GatewaySignal | null;
}
