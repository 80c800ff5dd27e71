import type Stripe from "stripe";
import { testCard, testPaymentMethods } from "./cards";
import * as build from "./objects";
import { ApiError, invalid, missing, type FakeStore, type Params } from "./store";

/**
 * The handful of Stripe API operations the adapter uses, with Stripe's validation and state
 * rules. `p` is the decoded form body (or query), as Stripe receives it: strings and nested objects.
 */
export type { Params } from "./store";

export const str = (p: Params, key: string) => (typeof p[key] === "string" ? (p[key] as string) : undefined);
export const obj = (p: Params, key: string) => (p[key] && typeof p[key] === "object" && !Array.isArray(p[key]) ? (p[key] as Params) : {});
export const metadataOf = (p: Params) => Object.fromEntries(Object.entries(obj(p, "metadata")).filter((e): e is [string, string] => typeof e[1] === "string"));
const bool = (p: Params, key: string) => str(p, key) === "true";

function amountOf(value: string | undefined, param: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw invalid(`Invalid integer: ${value ?? ""}`, param);
  const amount = Number(value);
  // Stripe's minimum charge in EUR is €0.50.
  if (amount < 50) throw invalid("Amount must be at least €0.50 eur", param, "amount_too_small");
  return amount;
}

function absoluteUrl(value: string | undefined, param: string, required: boolean): string | null {
  if (value === undefined) {
    if (required) throw invalid(`Missing required param: ${param}.`, param, "parameter_missing");
    return null;
  }
  if (!/^https?:\/\//.test(value)) throw invalid("Not a valid URL", param, "url_invalid");
  return value;
}

export function createCustomer(store: FakeStore, p: Params): Stripe.Customer {
  const customer = build.customer(store.now(), metadataOf(p));
  store.customers.set(customer.id, customer);
  store.emit("customer.created", customer);
  return customer;
}

function customerParam(store: FakeStore, p: Params): string | null {
  const id = str(p, "customer");
  if (id === undefined) return null;
  if (!store.customers.has(id)) throw missing(id, "customer");
  return id;
}

export function createCheckoutSession(store: FakeStore, p: Params): Stripe.Checkout.Session {
  const mode = str(p, "mode");
  if (mode !== "payment" && mode !== "setup") throw invalid("Invalid mode: must be one of payment, setup or subscription", "mode");
  const customer = customerParam(store, p);
  const successUrl = absoluteUrl(str(p, "success_url"), "success_url", true);
  const cancelUrl = absoluteUrl(str(p, "cancel_url"), "cancel_url", false);
  const expiresAt = str(p, "expires_at") ? Number(str(p, "expires_at")) : store.now() + 24 * 3600;
  if (expiresAt < store.now() + 30 * 60 || expiresAt > store.now() + 24 * 3600) {
    throw invalid("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
  }
  let amount: number | null = null;
  if (mode === "payment") {
    const items = Array.isArray(p.line_items) ? (p.line_items as Params[]) : [];
    if (items.length !== 1) throw invalid("line_items is required in payment mode", "line_items");
    const price = obj(items[0], "price_data");
    if (str(price, "currency") !== "eur") throw invalid("Invalid currency", "line_items[0][price_data][currency]");
    amount = amountOf(str(price, "unit_amount"), "line_items[0][price_data][unit_amount]") * Number(str(items[0], "quantity") ?? "1");
  } else if (str(p, "currency") !== "eur") {
    throw invalid("currency is required in setup mode when using dynamic payment methods", "currency");
  }
  const session = build.checkoutSession({
    mode, created: store.now(), expiresAt, amount, customer, successUrl, cancelUrl, metadata: metadataOf(p), clientReferenceId: str(p, "client_reference_id") ?? null,
    url: "",
  });
  session.url = `${store.baseUrl}/c/pay/${session.id}`;
  store.intentDataOf.set(session.id, obj(p, mode === "payment" ? "payment_intent_data" : "setup_intent_data"));
  store.sessions.set(session.id, session);
  return session;
}

export function expireCheckoutSession(store: FakeStore, id: string): Stripe.Checkout.Session {
  const session = store.session(id);
  if (!session) throw missing(id, "checkout.session");
  if (session.status !== "open") throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
  store.expireSession(session);
  return session;
}

function paymentMethodFor(store: FakeStore, id: string | undefined, customer: string | null): Stripe.PaymentMethod {
  if (!id) throw invalid("Missing required param: payment_method.", "payment_method", "parameter_missing");
  const pm = store.paymentMethods.get(id);
  if (!pm) throw missing(id, "payment_method");
  if (pm.customer && pm.customer !== customer) throw invalid("The provided PaymentMethod belongs to another Customer. Pass the Customer the PaymentMethod is attached to.", "payment_method");
  if (!pm.customer && customer) throw invalid("The provided PaymentMethod was not attached to this Customer.", "payment_method");
  return pm;
}

export function createPaymentIntent(store: FakeStore, p: Params): Stripe.PaymentIntent {
  const amount = amountOf(str(p, "amount"), "amount");
  if (str(p, "currency") !== "eur") throw invalid("Invalid currency", "currency");
  const customer = customerParam(store, p);
  const pm = paymentMethodFor(store, str(p, "payment_method"), customer);
  const offSession = bool(p, "off_session") || str(p, "off_session") === "recurring" || str(p, "off_session") === "one_off";
  const returnUrl = absoluteUrl(str(p, "return_url"), "return_url", false);
  if (offSession && returnUrl) throw invalid("return_url cannot be used with off_session", "return_url");
  const intent = build.paymentIntent({ amount, created: store.now(), customer, description: str(p, "description") ?? null, metadata: metadataOf(p), paymentMethod: pm.id, setupFutureUsage: null });
  store.paymentIntents.set(intent.id, intent);
  store.emit("payment_intent.created", intent);
  if (!bool(p, "confirm")) {
    intent.status = "requires_confirmation";
    return intent;
  }
  if (returnUrl) store.returnUrlOf.set(intent.id, returnUrl);
  const result = store.confirm(intent, { onSession: !offSession, authenticated: false, returnUrl: returnUrl ?? undefined });
  if (typeof result === "object") {
    throw new ApiError(402, { type: "card_error", code: result.code, message: result.message, ...(result.decline_code ? { decline_code: result.decline_code } : {}), param: "", payment_intent: structuredClone(intent) });
  }
  return intent;
}

const cancelable = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"];

export function cancelIntent(store: FakeStore, kind: "payment_intent" | "setup_intent", id: string, p: Params): Stripe.PaymentIntent | Stripe.SetupIntent {
  const intent = kind === "payment_intent" ? store.paymentIntents.get(id) : store.setupIntents.get(id);
  if (!intent) throw missing(id, kind);
  if (store.sessionOf.has(id)) throw invalid(`This ${kind === "payment_intent" ? "PaymentIntent" : "SetupIntent"} is managed by Checkout Session ${store.sessionOf.get(id)}: expire the session instead.`);
  if (!cancelable.includes(intent.status)) {
    throw invalid(`You cannot cancel this ${kind === "payment_intent" ? "PaymentIntent" : "SetupIntent"} because it has a status of ${intent.status}.`, undefined, `${kind}_unexpected_state`);
  }
  store.cancelIntent(intent, str(p, "cancellation_reason") ?? null);
  return intent;
}

export function attachPaymentMethod(store: FakeStore, id: string, p: Params): Stripe.PaymentMethod {
  const customer = customerParam(store, p);
  if (!customer) throw invalid("Missing required param: customer.", "customer", "parameter_missing");
  let pm = store.paymentMethods.get(id);
  const magic = testPaymentMethods[id];
  if (!pm && magic) {
    // A test PaymentMethod is a template: attaching it makes a new PaymentMethod of that card.
    const card = testCard(magic)!;
    pm = build.paymentMethod(card, store.now(), null, { month: 12, year: new Date(store.now() * 1000).getUTCFullYear() + 3 });
    store.paymentMethods.set(pm.id, pm);
    store.cards.set(pm.id, { card, setUp: false });
  }
  if (!pm) throw missing(id, "payment_method");
  if (pm.customer && pm.customer !== customer) throw invalid("This PaymentMethod is already attached to another Customer.", "payment_method");
  store.attach(pm, customer, false);
  return pm;
}

/** Stripe lets the holder's name and a card's expiry be updated (a renewed card, a typo). */
export function updatePaymentMethod(store: FakeStore, id: string, p: Params): Stripe.PaymentMethod {
  const pm = store.paymentMethods.get(id);
  if (!pm?.card) throw missing(id, "payment_method");
  const name = str(obj(p, "billing_details"), "name");
  if (name !== undefined) pm.billing_details.name = name || null;
  const card = obj(p, "card");
  if (str(card, "exp_month")) pm.card.exp_month = Number(str(card, "exp_month"));
  if (str(card, "exp_year")) pm.card.exp_year = Number(str(card, "exp_year"));
  store.emit("payment_method.updated", pm);
  return pm;
}

export function createRefund(store: FakeStore, p: Params): Stripe.Refund {
  const id = str(p, "payment_intent");
  if (!id) throw invalid("Missing required param: payment_intent.", "payment_intent", "parameter_missing");
  const intent = store.paymentIntents.get(id);
  if (!intent) throw missing(id, "payment_intent");
  const ch = typeof intent.latest_charge === "string" ? store.charges.get(intent.latest_charge) : undefined;
  if (intent.status !== "succeeded" || !ch) throw invalid(`This PaymentIntent (${id}) does not have a successful charge to refund.`, "payment_intent");
  const remaining = ch.amount - ch.amount_refunded;
  if (remaining === 0) throw invalid(`Charge ${ch.id} has already been refunded.`, undefined, "charge_already_refunded");
  const amount = str(p, "amount") === undefined ? remaining : Number(str(p, "amount"));
  if (!Number.isSafeInteger(amount) || amount < 1) throw invalid("Invalid positive integer", "amount");
  if (amount > remaining) throw invalid(`Refund amount (€${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (€${(remaining / 100).toFixed(2)})`, "amount");
  const made = build.refund(ch, amount, store.now(), metadataOf(p));
  store.refunds.set(made.id, made);
  ch.amount_refunded += amount;
  ch.refunded = ch.amount_refunded === ch.amount;
  store.emit("refund.created", made);
  store.emit("charge.refunded", ch);
  return made;
}

/** GET lists, newest first, with Stripe's `created[gte]` and `limit`. */
export function list<T extends { created: number }>(items: Iterable<T>, p: Params, where: (item: T) => boolean, url: string): Stripe.ApiList<T> {
  const gte = Number(str(obj(p, "created"), "gte") ?? 0);
  const limit = Math.min(Number(str(p, "limit") ?? 10), 100);
  const all = [...items].filter((i) => i.created >= gte && where(i)).sort((a, b) => b.created - a.created);
  return { object: "list", data: all.slice(0, limit), has_more: all.length > limit, url };
}
