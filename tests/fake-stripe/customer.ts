import type Stripe from "stripe";
import { testCard } from "./cards";
import { metadataOf, str } from "./api";
import * as build from "./objects";
import type { FakeStore, Intent } from "./store";

/**
 * The customer's side of Stripe: typing a card on Checkout's page, and Stripe's 3-D Secure test
 * page ("Complete" / "Fail"). Each returns where the browser goes next, as Stripe would send it.
 */
export type CardEntry = { number: string; expMonth?: number; expYear?: number; holder?: string };
export type Step = { next: string; outcome: "complete" | "declined" | "challenge" | "closed" | "invalid_card"; code?: string };

function successUrlOf(session: Stripe.Checkout.Session): string {
  return (session.success_url ?? "").replace("{CHECKOUT_SESSION_ID}", session.id);
}

function completeSession(store: FakeStore, session: Stripe.Checkout.Session, pm: Stripe.PaymentMethod) {
  session.status = "complete";
  session.url = null;
  if (session.mode === "payment") session.payment_status = "paid";
  session.customer_details = { address: null, business_name: null, email: null, individual_name: null, name: pm.billing_details.name, phone: null, tax_exempt: "none", tax_ids: [] };
  store.emit("checkout.session.completed", session);
}

/** The intent behind a session: created when the customer first submits a card (Stripe's lazy intent). */
function sessionIntent(store: FakeStore, session: Stripe.Checkout.Session): Intent {
  const existing = typeof session.payment_intent === "string" ? session.payment_intent : typeof session.setup_intent === "string" ? session.setup_intent : null;
  if (existing) return store.intent(existing)!;
  const data = store.intentDataOf.get(session.id) ?? {};
  const common = { created: store.now(), customer: typeof session.customer === "string" ? session.customer : null, description: str(data, "description") ?? null, metadata: metadataOf(data), paymentMethod: null };
  let intent: Intent;
  if (session.mode === "payment") {
    const future = str(data, "setup_future_usage");
    intent = build.paymentIntent({ ...common, amount: session.amount_total ?? 0, setupFutureUsage: future === "off_session" || future === "on_session" ? future : null });
    store.paymentIntents.set(intent.id, intent);
    session.payment_intent = intent.id;
  } else {
    intent = build.setupIntent(common);
    store.setupIntents.set(intent.id, intent);
    session.setup_intent = intent.id;
  }
  store.sessionOf.set(intent.id, session.id);
  return intent;
}

export function payCheckout(store: FakeStore, sessionId: string, entry: CardEntry): Step {
  const session = store.session(sessionId);
  if (!session || session.status !== "open") return { next: session ? successUrlOf(session) : "", outcome: "closed" };
  const card = testCard(entry.number);
  const year = entry.expYear ?? new Date(store.now() * 1000).getUTCFullYear() + 4;
  if (!card) return { next: session.url!, outcome: "invalid_card", code: "incorrect_number" };
  const pm = build.paymentMethod(card, store.now(), entry.holder ?? "Mario Rossi", { month: entry.expMonth ?? 12, year });
  store.paymentMethods.set(pm.id, pm);
  store.cards.set(pm.id, { card, setUp: false });
  const intent = sessionIntent(store, session);
  intent.payment_method = pm.id;
  const result = store.confirm(intent, { onSession: true, authenticated: false });
  if (result === "requires_action") return { next: intent.next_action!.redirect_to_url!.url!, outcome: "challenge" };
  if (typeof result === "object") return { next: session.url!, outcome: "declined", code: result.decline_code ?? result.code };
  completeSession(store, session, pm);
  return { next: successUrlOf(session), outcome: "complete" };
}

/** Stripe's test 3-D Secure page: "Complete" authenticates, "Fail" fails the authentication. */
export function authenticate(store: FakeStore, intentId: string, result: "complete" | "fail"): Step {
  const intent = store.intent(intentId);
  const sessionId = store.sessionOf.get(intentId);
  const session = sessionId ? store.session(sessionId) : undefined;
  if (!intent) return { next: "", outcome: "closed" };
  if (intent.status !== "requires_action" || (session && session.status !== "open")) return { next: backFrom(store, intent, session), outcome: "closed" };
  const pm = store.paymentMethods.get(intent.payment_method as string)!;
  let outcome: Step["outcome"] = "complete";
  let code: string | undefined;
  if (result === "fail") {
    const failure = intent.object === "payment_intent" ? { code: "payment_intent_authentication_failure", message: "We are unable to authenticate your payment method." } : { code: "setup_intent_authentication_failure", message: "We are unable to authenticate your payment method." };
    store.fail(intent, pm, failure);
    outcome = "declined";
    code = failure.code;
  } else {
    const after = store.confirm(intent, { onSession: true, authenticated: true });
    if (typeof after === "object") {
      outcome = "declined";
      code = after.decline_code ?? after.code;
    }
  }
  if (session && intent.status === "succeeded") completeSession(store, session, pm);
  return { next: backFrom(store, intent, session), outcome, ...(code ? { code } : {}) };
}

function backFrom(store: FakeStore, intent: Intent, session: Stripe.Checkout.Session | undefined): string {
  // On Checkout a failed card goes back to the payment page; the customer may try another.
  if (session) return session.status === "open" ? session.url! : successUrlOf(session);
  const url = new URL(store.returnUrlOf.get(intent.id) ?? `${store.baseUrl}/`);
  url.searchParams.set(intent.object === "payment_intent" ? "payment_intent" : "setup_intent", intent.id);
  url.searchParams.set(intent.object === "payment_intent" ? "payment_intent_client_secret" : "setup_intent_client_secret", intent.client_secret ?? "");
  url.searchParams.set("redirect_status", intent.status === "succeeded" ? "succeeded" : "failed");
  return url.toString();
}
