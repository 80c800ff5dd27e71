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
  | "invalid_card"
  /**
   * A merchant-initiated (off-session) charge that the issuer wants the cardholder to authenticate
   * (Stripe's `authentication_required`): nobody is there to do it, so the debt is paid by hand.
   */
  | "authentication_required";

/**
 * What the area may keep of a card (PCI DSS SAQ-A): never the number or the CVV. `token` is null
 * when the card was used once and not saved (`saveCard: false`): then only brand and last four
 * digits are kept, for receipts.
 */
export type CardDetails = {
  token: string | null;
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
  /**
   * PAYMENT only: keep the card for later charges by this merchant (off-session renewals). False
   * for a one-off payment (a public payer on Paga fattura, a PEC mailbox login). VERIFY always saves.
   */
  saveCard: boolean;
  /** What the payer sees on the bank's page and statement, e.g. "Ordine ORD-2026-000101". */
  description: string;
};

export type HostedSession = { sessionId: string; redirectUrl: string };

export type SavedCardChargeInput = {
  cardToken: string;
  /** The merchant's customer the card was saved for. */
  merchantCustomerRef: string;
  description: string;
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

/**
 * Everything the area knows of one attempt at the bank: its own id (merchantRef), the idempotency
 * key stored before the first call, and the bank's ids once they were recorded. A bank that can't
 * look an object up by idempotency key uses the ids; the sandbox finds everything by the key.
 */
export type AttemptRef = { merchantRef: string; idempotencyKey: string; sessionId?: string | null; chargeId?: string | null };

/** How an outcome is asked for: an attempt's references, or one of the bank's own ids. */
export type GatewayLookup = AttemptRef | { sessionId: string } | { chargeId: string } | { idempotencyKey: string };

/**
 * A verified redirect or notification: the area still asks `getOutcome` before acting on it.
 * `merchantRef` null: a genuine message about nothing the area started (an event type it does not
 * handle): acknowledged and ignored.
 */
export type GatewaySignal = {
  id: string;
  merchantRef: string | null;
  lookup?: GatewayLookup;
  /**
   * A return from the bank's page where the customer left without paying (Stripe Checkout's
   * "back" link, which leaves the session open): a hint that the area may end the attempt
   * (`cancel`) instead of waiting for it. Absent on every other signal.
   */
  abandoned?: true;
};

export interface PaymentGateway {
  readonly name: string;
  /**
   * How long after an attempt was sent the bank may still complete it (a hosted page left open, a
   * slow answer). An attempt the area closed without the bank's answer is asked about again for
   * this long, so that a late success is found and refunded.
   */
  readonly lateCompletionMs: number;
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
