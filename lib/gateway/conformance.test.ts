import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { advanceClock, now, resetClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { truncateAllTables } from "@/tests/db";
import { startFakeStripe, type FakeStripe } from "@/tests/fake-stripe/server";
import { GatewayError } from "./errors";
import { sandboxGateway } from "./sandbox";
import { createStripeGateway, stripeSettings } from "./stripe";
import { bankCharges, bankNotifications, payAtBank, saveTestCard, type Bank } from "./testing";
import type { AttemptRef, HostedSessionInput, PaymentGateway, PaymentOutcome, SavedCardChargeInput } from "./types";

/**
 * One contract for every bank behind lib/gateway: the sandbox and Stripe (on the fake Stripe API)
 * must pass the same tests. Where Stripe documents another answer (a 3-D Secure card charged
 * off-session), the bank's profile says which, and the test still holds both to the rule.
 */
type Profile = {
  bank: Bank;
  gateway: () => PaymentGateway;
  /** An off-session charge of the card that always asks for 3-D Secure: never a challenge. */
  mitOnChallengeCard: Partial<PaymentOutcome>;
  unknownChargeId: () => string;
};

let fake: FakeStripe;
let stripeGateway: PaymentGateway;

const profiles: Profile[] = [
  { bank: "sandbox", gateway: () => sandboxGateway, mitOnChallengeCard: { status: "succeeded" }, unknownChargeId: () => randomUUID() },
  { bank: "stripe", gateway: () => stripeGateway, mitOnChallengeCard: { status: "failed", reason: "authentication_required" }, unknownChargeId: () => "pi_unknown0000000000" },
];

const CARDS = { ok: "4242424242424242", challenge: "4000002760003184", declined: "4000000000000002", insufficient: "4000000000009995" };

beforeAll(async () => {
  // Both banks read the area's clock: the fake's follows it, so moving time moves Stripe's too.
  fake = await startFakeStripe({ now: () => now().getTime() });
  vi.stubEnv("STRIPE_SECRET_KEY", fake.apiKey);
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", fake.webhookSecret);
  vi.stubEnv("STRIPE_API_BASE", fake.url);
  vi.stubEnv("APP_URL", "https://area.example");
  stripeGateway = createStripeGateway(stripeSettings());
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.stop();
});
beforeEach(async () => {
  await truncateAllTables();
  resetClock();
});

describe.each(profiles)("$bank", (p) => {
  const gw = () => p.gateway();
  let n = 0;
  const customerRef = randomUUID();

  function hosted(overrides: Partial<HostedSessionInput> = {}) {
    n++;
    const input: HostedSessionInput = {
      kind: "PAYMENT", amountCents: 12_200, currency: "EUR", merchantRef: randomUUID(), merchantCustomerRef: customerRef, idempotencyKey: `pay_${randomUUID()}`,
      returnUrl: `/pagamenti/${n}/ritorno`, notifyUrl: "/api/payments/notify", saveCard: true, description: "Ordine ORD-2026-000101", ...overrides,
    };
    return gw().createHostedSession(input).then((session) => ({ ...session, input, ref: { merchantRef: input.merchantRef, idempotencyKey: input.idempotencyKey, sessionId: session.sessionId } satisfies AttemptRef }));
  }

  const save = (number: string, merchantCustomerRef = customerRef) =>
    saveTestCard({ merchantCustomerRef, number, holder: "Mario Rossi", expMonth: 8, expYear: 2030 }, undefined, p.bank);

  function charge(token: string, overrides: Partial<SavedCardChargeInput> = {}) {
    const input: SavedCardChargeInput = {
      cardToken: token, merchantCustomerRef: customerRef, description: "Rinnovo PEC", amountCents: 3_050, currency: "EUR", merchantRef: randomUUID(),
      idempotencyKey: `pay_${randomUUID()}`, initiator: "CIT", returnUrl: "/pagamenti/x/ritorno", notifyUrl: "/api/payments/notify", ...overrides,
    };
    return gw().chargeSavedCard(input).then((outcome) => ({ outcome, input, ref: { merchantRef: input.merchantRef, idempotencyKey: input.idempotencyKey } satisfies AttemptRef }));
  }

  /** What the area does when the browser comes back: read the hint, end an abandoned attempt, ask. */
  async function back(url: string, ref: AttemptRef) {
    const signal = gw().verifyReturn(new URL(url, "https://area.example").searchParams);
    expect(signal?.merchantRef).toBe(ref.merchantRef);
    return signal?.abandoned ? gw().cancel(ref) : gw().getOutcome(ref);
  }

  describe("hosted page", () => {
    it("a payment: the customer pays once, the area gets the amount, the card and its token", async () => {
      const s = await hosted();
      expect(await gw().getOutcome(s.ref)).toMatchObject({ status: "requires_action", redirectUrl: s.redirectUrl });
      const outcome = await back(await payAtBank(s.redirectUrl, { number: CARDS.ok, expiry: "12/34" }, p.bank), s.ref);
      expect(outcome).toMatchObject({ status: "succeeded", amountCents: 12_200, card: { brand: "Visa", last4: "4242", expMonth: 12, expYear: 2034, holder: "Mario Rossi", token: expect.any(String) } });
      // The key alone finds it too (what the area stored before calling the bank).
      expect(await gw().getOutcome({ idempotencyKey: s.input.idempotencyKey })).toEqual(outcome);
    });

    it("a one-off payment keeps no card; a card check saves one for nothing", async () => {
      const once = await hosted({ saveCard: false, merchantCustomerRef: `payer-${randomUUID()}` });
      expect(await back(await payAtBank(once.redirectUrl, { number: CARDS.ok }, p.bank), once.ref)).toMatchObject({ status: "succeeded", card: { last4: "4242", token: null } });
      const check = await hosted({ kind: "VERIFY", amountCents: 0 });
      expect(await back(await payAtBank(check.redirectUrl, { number: CARDS.ok }, p.bank), check.ref)).toMatchObject({ status: "succeeded", amountCents: 0, card: { token: expect.any(String) } });
    });

    it("a declined card: the customer comes back and the attempt fails with the reason", async () => {
      const s = await hosted();
      expect(await back(await payAtBank(s.redirectUrl, { number: CARDS.insufficient }, p.bank), s.ref)).toMatchObject({ status: "failed", reason: "insufficient_funds" });
    });

    it("idempotency: the same key opens the same session; with other parameters it is refused", async () => {
      const s = await hosted();
      expect(await gw().createHostedSession(s.input)).toEqual({ sessionId: s.sessionId, redirectUrl: s.redirectUrl });
      await expect(gw().createHostedSession({ ...s.input, amountCents: 1 })).rejects.toMatchObject({ code: "idempotency_conflict" });
    });

    it("cancel is atomic with success: an open page ends for good, a paid one stays paid", async () => {
      const open = await hosted();
      expect(await gw().cancel(open.ref)).toMatchObject({ status: "failed", reason: "authentication_abandoned" });
      await payAtBank(open.redirectUrl, { number: CARDS.ok }, p.bank).catch(() => null);
      expect(await gw().getOutcome(open.ref)).toMatchObject({ status: "failed" });
      const paid = await hosted();
      await payAtBank(paid.redirectUrl, { number: CARDS.ok }, p.bank);
      const success = await gw().getOutcome(paid.ref);
      expect(await gw().cancel(paid.ref)).toEqual(success);
    });
  });

  describe("saved card", () => {
    it("customer present: the same key is one charge; other parameters are refused", async () => {
      const card = await save(CARDS.ok);
      const first = await charge(card.token);
      expect(first.outcome).toMatchObject({ status: "succeeded", amountCents: 3_050, card: { token: card.token, last4: "4242", holder: "Mario Rossi", expMonth: 8, expYear: 2030 } });
      expect(await gw().chargeSavedCard(first.input)).toEqual(first.outcome);
      await expect(gw().chargeSavedCard({ ...first.input, amountCents: 3_051 })).rejects.toBeInstanceOf(GatewayError);
      expect(await bankCharges([first.input.merchantRef], p.bank)).toEqual([expect.objectContaining({ status: "succeeded", amountCents: 3_050, initiator: "CIT" })]);
    });

    it("3-D Secure on a customer-present charge: the right code pays, a wrong one fails", async () => {
      const card = await save(CARDS.challenge);
      const ok = await charge(card.token);
      expect(ok.outcome).toMatchObject({ status: "requires_action", redirectUrl: expect.any(String) });
      const redirect = (ok.outcome as { redirectUrl: string }).redirectUrl;
      expect(await back(await payAtBank(redirect, { number: CARDS.challenge, otp: "123456" }, p.bank), ok.ref)).toMatchObject({ status: "succeeded", card: { last4: "3184" } });
      const wrong = await charge(card.token);
      await payAtBank((wrong.outcome as { redirectUrl: string }).redirectUrl, { number: CARDS.challenge, otp: "000000" }, p.bank);
      expect(await gw().getOutcome(wrong.ref)).toMatchObject({ status: "failed", reason: "authentication_failed" });
    });

    it("a challenge ended by the area can't be completed afterwards", async () => {
      const card = await save(CARDS.challenge);
      const c = await charge(card.token);
      expect(await gw().cancel(c.ref)).toMatchObject({ status: "failed", reason: "authentication_abandoned" });
      await payAtBank((c.outcome as { redirectUrl: string }).redirectUrl, { number: CARDS.challenge, otp: "123456" }, p.bank).catch(() => null);
      expect(await gw().getOutcome(c.ref)).toMatchObject({ status: "failed" });
    });

    it("renewals (merchant-initiated) are never challenged", async () => {
      const mit = { initiator: "MIT" as const, returnUrl: undefined };
      expect((await charge((await save(CARDS.ok)).token, mit)).outcome).toMatchObject({ status: "succeeded" });
      const challenged = await charge((await save(CARDS.challenge)).token, mit);
      expect(challenged.outcome.status).not.toBe("requires_action");
      expect(challenged.outcome).toMatchObject(p.mitOnChallengeCard);
      expect((await charge((await save(CARDS.declined)).token, mit)).outcome).toMatchObject({ status: "failed", reason: "declined" });
      expect((await charge((await save(CARDS.insufficient)).token, mit)).outcome).toMatchObject({ status: "failed", reason: "insufficient_funds" });
    });

    it("a token is good only for the customer it was saved for", async () => {
      const card = await save(CARDS.ok, `other-${randomUUID()}`);
      expect((await charge(card.token)).outcome).toMatchObject({ status: "failed", reason: "invalid_card" });
    });
  });

  describe("refunds", () => {
    it("are capped at the amount charged, partial refunds add up, the same key is the same refund", async () => {
      const s = await hosted();
      await payAtBank(s.redirectUrl, { number: CARDS.ok }, p.bank);
      const paid = await gw().getOutcome(s.ref);
      if (paid.status !== "succeeded") throw new Error(`not paid: ${paid.status}`);
      const refund = (amountCents: number, idempotencyKey: string) => gw().refund({ chargeId: paid.chargeId, amountCents, idempotencyKey });
      const first = await refund(5_000, "r1");
      expect(first).toMatchObject({ refundedCents: 5_000 });
      expect(await refund(5_000, "r1")).toEqual(first);
      await expect(refund(6_000, "r1")).rejects.toMatchObject({ code: "idempotency_conflict" });
      await expect(refund(7_201, "r2")).rejects.toMatchObject({ code: "refund_exceeds_charge" });
      expect(await refund(7_200, "r3")).toMatchObject({ refundedCents: 7_200 });
      await expect(refund(1, "r4")).rejects.toMatchObject({ code: "refund_exceeds_charge" });
      await expect(gw().refund({ chargeId: p.unknownChargeId(), amountCents: 100, idempotencyKey: "r5" })).rejects.toMatchObject({ code: "charge_not_found" });
    });
  });

  describe("notifications", () => {
    it("the bank's own are verified and name the attempt; tampered or unsigned ones are refused", async () => {
      const s = await hosted();
      await payAtBank(s.redirectUrl, { number: CARDS.ok }, p.bank);
      const sent = await bankNotifications(s.input.merchantRef, { bank: p.bank });
      expect(sent.length).toBeGreaterThan(0);
      const signals = sent.map((m) => gw().verifyNotification(m.body, m.headers));
      expect(signals.every((signal) => signal !== null)).toBe(true);
      expect(signals.map((signal) => signal?.merchantRef)).toContain(s.input.merchantRef);
      const [{ body, headers }] = sent;
      expect(gw().verifyNotification(body.replace(s.input.merchantRef, randomUUID()), headers)).toBeNull();
      expect(gw().verifyNotification(body, new Headers({ "content-type": "application/json" }))).toBeNull();
    });

    it("replays are refused: a notification signed ten minutes ago", async () => {
      const s = await hosted();
      await payAtBank(s.redirectUrl, { number: CARDS.ok }, p.bank);
      const old = await bankNotifications(s.input.merchantRef, { bank: p.bank, signedSecondsAgo: 600 });
      expect(old.length).toBeGreaterThan(0);
      expect(old.map((m) => gw().verifyNotification(m.body, m.headers))).toEqual(old.map(() => null));
    });
  });

  it("what the bank never saw is not_found, asked or cancelled", async () => {
    const ref = { merchantRef: randomUUID(), idempotencyKey: `pay_${randomUUID()}` };
    expect(await gw().getOutcome(ref)).toEqual({ status: "not_found" });
    expect(await gw().cancel(ref)).toEqual({ status: "not_found" });
  });
});

describe("stripe: what only Stripe's shape needs", () => {
  const customerRef = randomUUID();
  const gw = () => stripeGateway;

  it("a charge whose answer was lost is found by its key, and the same key charges nothing more", async () => {
    const card = await saveTestCard({ merchantCustomerRef: customerRef, number: CARDS.ok, holder: "Mario Rossi", expMonth: 8, expYear: 2030 }, undefined, "stripe");
    const input: SavedCardChargeInput = { cardToken: card.token, merchantCustomerRef: customerRef, description: "Rinnovo", amountCents: 3_050, currency: "EUR", merchantRef: randomUUID(), idempotencyKey: `pay_${randomUUID()}`, initiator: "MIT" };
    fake.dropResponses(3); // the call and both of the SDK's retries: Stripe charged, nobody heard
    await expect(gw().chargeSavedCard(input)).rejects.toThrow();
    const found = await gw().getOutcome({ merchantRef: input.merchantRef, idempotencyKey: input.idempotencyKey });
    expect(found).toMatchObject({ status: "succeeded", amountCents: 3_050 });
    expect(await gw().chargeSavedCard(input)).toEqual(found);
    expect([...fake.store.paymentIntents.values()].filter((i) => i.metadata.merchantRef === input.merchantRef)).toHaveLength(1);
  });

  it("an attempt's ids never open another attempt's object (ids can come from a browser)", async () => {
    const s = await gw().createHostedSession({ kind: "PAYMENT", amountCents: 990, currency: "EUR", merchantRef: "attempt-a", merchantCustomerRef: customerRef, idempotencyKey: "key-a", returnUrl: "/r", saveCard: true, description: "Ordine" });
    expect(await gw().getOutcome({ merchantRef: "attempt-b", idempotencyKey: "key-b", sessionId: s.sessionId })).toEqual({ status: "not_found" });
  });

  it("a Checkout Session left open expires after its 31 minutes: the attempt fails as abandoned", async () => {
    setClock(new Date());
    const s = await gw().createHostedSession({ kind: "VERIFY", amountCents: 0, currency: "EUR", merchantRef: "ver-1", merchantCustomerRef: customerRef, idempotencyKey: "key-v", returnUrl: "/r", saveCard: true, description: "Verifica" });
    advanceClock(32 * 60_000);
    expect(await gw().getOutcome({ merchantRef: "ver-1", idempotencyKey: "key-v", sessionId: s.sessionId })).toEqual({ status: "failed", reason: "authentication_abandoned" });
  });

  it("events the area does not handle are acknowledged as nobody's (merchantRef null)", async () => {
    await gw().createHostedSession({ kind: "PAYMENT", amountCents: 990, currency: "EUR", merchantRef: "a-1", merchantCustomerRef: `new-${randomUUID()}`, idempotencyKey: "key-c", returnUrl: "/r", saveCard: true, description: "Ordine" });
    const created = fake.webhooks({ type: "customer.created" }).at(-1)!;
    expect(gw().verifyNotification(created.body, new Headers({ "stripe-signature": created.signature }))).toEqual({ id: created.event.id, merchantRef: null });
  });

  it("keeps its Stripe Customer per customer of the area: created once", async () => {
    const ref = `once-${randomUUID()}`;
    const input = (k: string): HostedSessionInput => ({ kind: "VERIFY", amountCents: 0, currency: "EUR", merchantRef: k, merchantCustomerRef: ref, idempotencyKey: k, returnUrl: "/r", saveCard: true, description: "Verifica" });
    await Promise.all([gw().createHostedSession(input("k1")), gw().createHostedSession(input("k2"))]);
    expect(await db.stripeCustomer.count({ where: { merchantCustomerRef: ref } })).toBe(1);
    expect([...fake.store.customers.values()].filter((c) => c.metadata.merchantCustomerRef === ref)).toHaveLength(1);
  });
});

