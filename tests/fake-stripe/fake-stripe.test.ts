import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeStripe, type FakeStripe } from "./server";

/** The fake against the official SDK: Stripe's documented behaviour, one rule per test. */
let fake: FakeStripe;
let stripe: Stripe;
let clock = Date.parse("2026-11-25T10:00:00Z");

beforeAll(async () => {
  fake = await startFakeStripe({ now: () => clock });
  const { hostname, port } = new URL(fake.url);
  stripe = new Stripe(fake.apiKey, { host: hostname, port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
});
afterAll(() => fake.stop());

const pay = async (sessionId: string, entry: { number: string; holder?: string }) =>
  (await fetch(`${fake.url}/_fake/checkout/${sessionId}/pay`, { method: "POST", body: JSON.stringify(entry) })).json() as Promise<{ next: string; outcome: string; code?: string }>;
const authenticate = async (intentId: string, result: "complete" | "fail") =>
  (await fetch(`${fake.url}/_fake/authenticate/${intentId}`, { method: "POST", body: JSON.stringify({ result }) })).json() as Promise<{ next: string; outcome: string }>;

async function savedCard(testPm: string) {
  const customer = await stripe.customers.create({ metadata: { merchantCustomerRef: "c1" } });
  const pm = await stripe.paymentMethods.attach(testPm, { customer: customer.id });
  return { customer: customer.id, pm: pm.id };
}

function paymentSession(customer?: string, key = `k-${Math.random()}`) {
  return stripe.checkout.sessions.create(
    {
      mode: "payment", ...(customer ? { customer } : {}), success_url: "https://area.example/ritorno?session_id={CHECKOUT_SESSION_ID}", cancel_url: "https://area.example/ritorno?back=1",
      line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 12_200, product_data: { name: "Ordine" } } }],
      payment_intent_data: { setup_future_usage: "off_session", metadata: { merchantRef: "pay-1" } }, metadata: { merchantRef: "pay-1" },
    },
    { idempotencyKey: key },
  );
}

describe("idempotency", () => {
  it("replays the first answer for the same key and parameters, and refuses the key with other parameters (400)", async () => {
    const first = await paymentSession(undefined, "same-key");
    const again = await paymentSession(undefined, "same-key");
    expect(again.id).toBe(first.id);
    const other = stripe.customers.create({ metadata: { x: "1" } }, { idempotencyKey: "same-key" });
    await expect(other).rejects.toMatchObject({ type: "StripeIdempotencyError", statusCode: 400 });
  });

  it("replays a card error (402) too, without charging again", async () => {
    const { customer, pm } = await savedCard("pm_card_chargeDeclinedInsufficientFunds");
    const charge = () => stripe.paymentIntents.create({ amount: 5_000, currency: "eur", customer, payment_method: pm, off_session: true, confirm: true }, { idempotencyKey: "declined-once" });
    const a = await charge().catch((e: Stripe.errors.StripeCardError) => e);
    const b = await charge().catch((e: Stripe.errors.StripeCardError) => e);
    expect(a).toMatchObject({ type: "StripeCardError", statusCode: 402, decline_code: "insufficient_funds" });
    expect((b as Stripe.errors.StripeCardError).payment_intent?.id).toBe((a as Stripe.errors.StripeCardError).payment_intent?.id);
    expect([...fake.store.charges.values()].filter((c) => c.payment_intent === (a as Stripe.errors.StripeCardError).payment_intent?.id)).toHaveLength(1);
  });

  it("an answer lost on the way back is replayed by the SDK's retry with the same key", async () => {
    const customer = await stripe.customers.create({});
    const before = fake.store.customers.size;
    fake.dropResponses(1);
    const retried = await stripe.customers.create({ metadata: { lost: "1" } }, { idempotencyKey: "lost-answer" });
    expect(fake.store.customers.size).toBe(before + 1);
    expect(retried.id).not.toBe(customer.id);
  });
});

describe("Checkout", () => {
  it("a paid session: the PaymentIntent succeeds, the card is attached and set up, the success URL gets the session id", async () => {
    const { id: customer } = await stripe.customers.create({});
    const session = await paymentSession(customer);
    expect(session).toMatchObject({ status: "open", payment_status: "unpaid", url: `${fake.url}/c/pay/${session.id}`, amount_total: 12_200 });
    const step = await pay(session.id, { number: "4242 4242 4242 4242", holder: "Anna Bianchi" });
    expect(step).toEqual({ outcome: "complete", next: `https://area.example/ritorno?session_id=${session.id}` });
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.payment_method"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    const intent = done.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 12_200, metadata: { merchantRef: "pay-1" }, setup_future_usage: "off_session" });
    expect(intent.payment_method).toMatchObject({ customer, billing_details: { name: "Anna Bianchi" }, card: { brand: "visa", last4: "4242", exp_month: 12 } });
  });

  it("a declined card keeps the session open with the reason on its PaymentIntent; 3-D Secure redirects; expiring ends it", async () => {
    const session = await paymentSession();
    expect(await pay(session.id, { number: "4000000000009995" })).toMatchObject({ outcome: "declined", code: "insufficient_funds", next: session.url });
    const challenge = await pay(session.id, { number: "4000002760003184" });
    expect(challenge).toMatchObject({ outcome: "challenge", next: expect.stringContaining("/_fake/3ds/pi_") });
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
    const intentId = challenge.next.split("/").pop()!;
    expect(await authenticate(intentId, "complete")).toMatchObject({ outcome: "closed" });
    expect(await stripe.paymentIntents.retrieve(intentId)).toMatchObject({ status: "canceled" });
  });

  it("expires by itself at expires_at (minimum 30 minutes, maximum 24 hours)", async () => {
    const now = Math.floor(clock / 1000);
    const create = (expires_at: number) =>
      stripe.checkout.sessions.create({ mode: "setup", currency: "eur", success_url: "https://a.example/s", expires_at });
    await expect(create(now + 60)).rejects.toMatchObject({ statusCode: 400, param: "expires_at" });
    const session = await create(now + 1800);
    clock += 1801_000;
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "expired" });
  });

  it("setup mode: the SetupIntent succeeds with the PaymentMethod (card details, billing name) attached", async () => {
    const { id: customer } = await stripe.customers.create({});
    const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", customer, success_url: "https://a.example/s?id={CHECKOUT_SESSION_ID}", setup_intent_data: { metadata: { merchantRef: "ver-1" } } });
    const step = await pay(session.id, { number: "4000002500003155", holder: "Ente QA" });
    expect(step.outcome).toBe("challenge");
    expect(await authenticate(step.next.split("/").pop()!, "complete")).toMatchObject({ outcome: "complete", next: `https://a.example/s?id=${session.id}` });
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent.payment_method"] });
    const setup = done.setup_intent as Stripe.SetupIntent;
    expect(setup).toMatchObject({ status: "succeeded", metadata: { merchantRef: "ver-1" }, payment_method: { customer, billing_details: { name: "Ente QA" }, card: { last4: "3155" } } });
    // Set up for off-session use: 3155 then pays renewals without authentication.
    const pm = (setup.payment_method as Stripe.PaymentMethod).id;
    expect(await stripe.paymentIntents.create({ amount: 3_050, currency: "eur", customer, payment_method: pm, off_session: true, confirm: true })).toMatchObject({ status: "succeeded" });
  });
});

describe("PaymentIntents on a saved card", () => {
  it("customer present: 4000 0027 6000 3184 asks 3-D Secure through next_action.redirect_to_url, back to return_url", async () => {
    const { customer, pm } = await savedCard("pm_card_authenticationRequired");
    const intent = await stripe.paymentIntents.create({ amount: 5_000, currency: "eur", customer, payment_method: pm, confirm: true, return_url: "https://area.example/back?x=1" });
    expect(intent).toMatchObject({ status: "requires_action", next_action: { type: "redirect_to_url", redirect_to_url: { url: `${fake.url}/_fake/3ds/${intent.id}`, return_url: "https://area.example/back?x=1" } } });
    const back = await authenticate(intent.id, "complete");
    expect(back.next).toBe(`https://area.example/back?x=1&payment_intent=${intent.id}&payment_intent_client_secret=${intent.client_secret}&redirect_status=succeeded`);
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: "succeeded" });
    await expect(stripe.paymentIntents.cancel(intent.id)).rejects.toMatchObject({ statusCode: 400, code: "payment_intent_unexpected_state" });
  });

  it("off session: the same card is declined with authentication_required, never challenged", async () => {
    const { customer, pm } = await savedCard("pm_card_authenticationRequired");
    const error = await stripe.paymentIntents.create({ amount: 5_000, currency: "eur", customer, payment_method: pm, off_session: true, confirm: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ type: "StripeCardError", code: "authentication_required", decline_code: "authentication_required", payment_intent: { status: "requires_payment_method" } });
  });

  it.each([
    ["pm_card_visa", "succeeded", undefined],
    ["pm_card_chargeDeclined", "requires_payment_method", "generic_decline"],
    ["pm_card_chargeCustomerFail", "requires_payment_method", "generic_decline"],
    ["pm_card_chargeDeclinedExpiredCard", "requires_payment_method", undefined],
  ])("%s off session → %s %s", async (testPm, status, declineCode) => {
    const { customer, pm } = await savedCard(testPm);
    const result = await stripe.paymentIntents.create({ amount: 5_000, currency: "eur", customer, payment_method: pm, off_session: true, confirm: true }).catch((e: Stripe.errors.StripeCardError) => e.payment_intent!);
    expect(result.status).toBe(status);
    if (declineCode) expect(result.last_payment_error?.decline_code).toBe(declineCode);
  });

  it("refuses a PaymentMethod attached to another customer", async () => {
    const { pm } = await savedCard("pm_card_visa");
    const { id: other } = await stripe.customers.create({});
    await expect(stripe.paymentIntents.create({ amount: 5_000, currency: "eur", customer: other, payment_method: pm, off_session: true, confirm: true })).rejects.toMatchObject({ statusCode: 400, param: "payment_method" });
  });
});

describe("refunds", () => {
  it("partial refunds up to the amount, then refused; charge.refunded carries the intent's metadata", async () => {
    const { customer, pm } = await savedCard("pm_card_visa");
    const intent = await stripe.paymentIntents.create({ amount: 10_000, currency: "eur", customer, payment_method: pm, off_session: true, confirm: true, metadata: { merchantRef: "pay-r" } });
    expect(await stripe.refunds.create({ payment_intent: intent.id, amount: 4_000 })).toMatchObject({ amount: 4_000, status: "succeeded" });
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 6_001 })).rejects.toMatchObject({ statusCode: 400, param: "amount" });
    expect(await stripe.refunds.create({ payment_intent: intent.id })).toMatchObject({ amount: 6_000 });
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 1 })).rejects.toMatchObject({ code: "charge_already_refunded" });
    const [refunded] = fake.webhooks({ type: "charge.refunded", merchantRef: "pay-r" }).slice(-1);
    expect(refunded.event.data.object).toMatchObject({ amount_refunded: 10_000, refunded: true, metadata: { merchantRef: "pay-r" } });
  });
});

describe("webhooks", () => {
  it("are signed with the endpoint secret (generateTestHeaderString) and refused when old or forged", async () => {
    const session = await paymentSession();
    await pay(session.id, { number: "4242424242424242" });
    const [completed] = fake.webhooks({ type: "checkout.session.completed", merchantRef: "pay-1" }).filter((w) => (w.event.data.object as { id: string }).id === session.id);
    expect(stripe.webhooks.constructEvent(completed.body, completed.signature, fake.webhookSecret, 300, undefined, clock).id).toBe(completed.event.id);
    const [old] = fake.webhooks({ type: "checkout.session.completed", signedSecondsAgo: 301 });
    expect(() => stripe.webhooks.constructEvent(old.body, old.signature, fake.webhookSecret, 300, undefined, clock)).toThrow(/tolerance/i);
    expect(() => stripe.webhooks.constructEvent(completed.body.replace("complete", "expired"), completed.signature, fake.webhookSecret, 300, undefined, clock)).toThrow();
  });
});
