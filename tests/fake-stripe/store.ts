import type Stripe from "stripe";
import { decideCharge, decideSetup, type CardFailure, type TestCard } from "./cards";
import * as build from "./objects";

/** A decoded form body or query, as Stripe receives it: strings, nested objects and lists. */
export type Params = { [key: string]: string | Params | Params[] | string[] | undefined };

/** An answer of the API other than 200: Stripe's error object with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; decline_code?: string; message: string; param?: string; payment_intent?: Stripe.PaymentIntent; setup_intent?: Stripe.SetupIntent },
  ) {
    super(body.message);
  }
}

export const invalid = (message: string, param?: string, code?: string) => new ApiError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });
export const missing = (id: string, param: string) => new ApiError(404, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${param}: '${id}'` });

export type Intent = Stripe.PaymentIntent | Stripe.SetupIntent;

/**
 * The fake's state: every object by id, the card behind each PaymentMethod (in memory only),
 * and the events Stripe would deliver. Time comes from `now` so tests can move it.
 */
export class FakeStore {
  readonly customers = new Map<string, Stripe.Customer>();
  readonly paymentMethods = new Map<string, Stripe.PaymentMethod>();
  readonly cards = new Map<string, { card: TestCard; setUp: boolean }>();
  readonly sessions = new Map<string, Stripe.Checkout.Session>();
  readonly paymentIntents = new Map<string, Stripe.PaymentIntent>();
  readonly setupIntents = new Map<string, Stripe.SetupIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly events: Stripe.Event[] = [];
  /** The Checkout Session an intent belongs to, and where a standalone 3-D Secure returns. */
  readonly sessionOf = new Map<string, string>();
  readonly returnUrlOf = new Map<string, string>();
  /** A session's payment_intent_data / setup_intent_data, used when the customer submits a card. */
  readonly intentDataOf = new Map<string, Params>();
  /** The request being served, for `event.request.idempotency_key`. */
  idempotencyKey: string | null = null;
  baseUrl = "";

  constructor(private readonly clock: () => number) {}

  now(): number {
    return Math.floor(this.clock() / 1000);
  }

  emit<T extends Stripe.Event["type"]>(type: T, object: build.EventObject[T]) {
    this.events.push(build.event<T>(type, object, this.now(), this.idempotencyKey));
  }

  intent(id: string): Intent | undefined {
    return this.paymentIntents.get(id) ?? this.setupIntents.get(id);
  }

  /** Sessions expire by themselves at `expires_at`: whoever looks first sees it happen. */
  session(id: string): Stripe.Checkout.Session | undefined {
    const s = this.sessions.get(id);
    if (s && s.status === "open" && s.expires_at <= this.now()) this.expireSession(s);
    return s;
  }

  expireSession(s: Stripe.Checkout.Session) {
    s.status = "expired";
    s.url = null;
    const intentId = typeof s.payment_intent === "string" ? s.payment_intent : typeof s.setup_intent === "string" ? s.setup_intent : null;
    const intent = intentId ? this.intent(intentId) : undefined;
    if (intent && intent.status !== "succeeded" && intent.status !== "canceled") this.cancelIntent(intent, "abandoned");
    this.emit("checkout.session.expired", s);
  }

  cancelIntent(intent: Intent, reason: string | null) {
    intent.status = "canceled";
    intent.next_action = null;
    if (intent.object === "payment_intent") {
      intent.canceled_at = this.now();
      intent.cancellation_reason = reason as Stripe.PaymentIntent.CancellationReason | null;
      this.emit("payment_intent.canceled", intent);
    } else {
      intent.cancellation_reason = reason as Stripe.SetupIntent.CancellationReason | null;
      this.emit("setup_intent.canceled", intent);
    }
  }

  /**
   * Confirms an intent with its PaymentMethod: the card decides (test card table), as the issuer
   * would. "authenticate" leaves it in requires_action with a redirect to the fake's 3-D Secure page.
   */
  confirm(intent: Intent, opts: { onSession: boolean; authenticated: boolean; returnUrl?: string }): "succeeded" | "requires_action" | CardFailure {
    const pmId = intent.payment_method as string;
    const pm = this.paymentMethods.get(pmId)!;
    const held = this.cards.get(pmId)!;
    const decision = intent.object === "payment_intent" ? decideCharge(held.card, { ...opts, setUp: held.setUp }) : decideSetup(held.card, opts.authenticated);
    if (decision === "authenticate") {
      intent.status = "requires_action";
      const url = `${this.baseUrl}/_fake/3ds/${intent.id}`;
      intent.next_action = opts.returnUrl || this.sessionOf.has(intent.id)
        ? { type: "redirect_to_url", redirect_to_url: { url, return_url: opts.returnUrl ?? null } }
        : { type: "use_stripe_sdk", use_stripe_sdk: {} };
      if (intent.object === "payment_intent") this.emit("payment_intent.requires_action", intent);
      else this.emit("setup_intent.requires_action", intent);
      return "requires_action";
    }
    if (decision !== "succeed") {
      this.fail(intent, pm, decision);
      return decision;
    }
    this.succeed(intent, pm);
    return "succeeded";
  }

  fail(intent: Intent, pm: Stripe.PaymentMethod, failure: CardFailure) {
    intent.status = "requires_payment_method";
    intent.next_action = null;
    const error = { type: "card_error" as const, code: failure.code as never, message: failure.message, payment_method: pm, ...(failure.decline_code ? { decline_code: failure.decline_code } : {}) };
    if (intent.object === "payment_intent") {
      const ch = build.charge(intent, pm, this.now(), failure);
      this.charges.set(ch.id, ch);
      intent.latest_charge = ch.id;
      intent.last_payment_error = { ...error, charge: ch.id };
      this.emit("charge.failed", ch);
      this.emit("payment_intent.payment_failed", intent);
    } else {
      intent.last_setup_error = error;
      this.emit("setup_intent.setup_failed", intent);
    }
  }

  succeed(intent: Intent, pm: Stripe.PaymentMethod) {
    intent.status = "succeeded";
    intent.next_action = null;
    const customer = typeof intent.customer === "string" ? intent.customer : null;
    if (intent.object === "payment_intent") {
      intent.last_payment_error = null;
      intent.amount_received = intent.amount;
      const ch = build.charge(intent, pm, this.now(), null);
      this.charges.set(ch.id, ch);
      intent.latest_charge = ch.id;
      // setup_future_usage keeps the card on the customer, set up for off-session payments.
      if (intent.setup_future_usage && customer) this.attach(pm, customer, true);
      this.emit("charge.succeeded", ch);
      this.emit("payment_intent.succeeded", intent);
    } else {
      intent.last_setup_error = null;
      if (customer) this.attach(pm, customer, true);
      this.emit("setup_intent.succeeded", intent);
    }
  }

  attach(pm: Stripe.PaymentMethod, customer: string, setUp: boolean) {
    const held = this.cards.get(pm.id)!;
    if (setUp) held.setUp = true;
    if (pm.customer === customer) return;
    pm.customer = customer;
    this.emit("payment_method.attached", pm);
  }
}
