import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { truncateAllTables } from "@/tests/db";
import { GatewayError } from "../errors";
import type { SavedCardChargeInput } from "../types";
import { sandboxGateway as gw, vaultTestCard } from ".";
import { answerChallenge } from "./hosted";
import { simulateHostedPayment } from "./simulate";

const T0 = new Date("2026-11-25T10:00:00.000Z");
let n = 0;

const vault = (number: string, expYear = 2030, expMonth = 8) =>
  vaultTestCard({ merchantCustomerRef: "cust-1", number, expMonth, expYear, holder: "Mario Rossi" });

function charge(cardToken: string, overrides: Partial<SavedCardChargeInput> = {}) {
  n++;
  return gw.chargeSavedCard({
    cardToken, merchantCustomerRef: "cust-1", description: "Ordine di prova", amountCents: 5_000, currency: "EUR", merchantRef: `pay-${n}`, idempotencyKey: `charge-${n}`,
    initiator: "CIT", returnUrl: "https://area.example/ordini/1/esito?x=1", notifyUrl: "/api/payments/notify", ...overrides,
  });
}

beforeEach(async () => {
  await truncateAllTables();
  setClock(T0);
});
afterEach(() => resetClock());

describe("charging a saved card", () => {
  it.each([
    ["4242424242424242", "CIT", { status: "succeeded", amountCents: 5_000, card: { brand: "Visa", last4: "4242" } }],
    ["4242424242424242", "MIT", { status: "succeeded" }],
    ["4000000000000002", "MIT", { status: "failed", reason: "declined" }],
    ["4000000000009995", "CIT", { status: "failed", reason: "insufficient_funds" }],
    ["4000000000000069", "MIT", { status: "failed", reason: "expired_card" }],
    ["4000000000000341", "CIT", { status: "failed", reason: "declined" }],
    ["4000000000000341", "MIT", { status: "failed", reason: "declined" }],
    ["4000002760003184", "MIT", { status: "succeeded", card: { last4: "3184" } }],
  ] as const)("%s %s → %o", async (number, initiator, expected) => {
    const { token } = await vault(number);
    const outcome = await charge(token, { initiator });
    expect(outcome).toMatchObject(expected);
    const row = await db.gwCharge.findFirstOrThrow();
    expect(outcome).toMatchObject({ chargeId: row.id });
    expect(row).toMatchObject({ initiator, cardToken: token });
    expect(await db.job.count()).toBe(0); // immediate outcomes are answered, not notified
  });

  it("0341 saves fine on the hosted page, then every charge is declined", async () => {
    const { sessionId } = await gw.createHostedSession({
      kind: "VERIFY", amountCents: 0, currency: "EUR", merchantRef: "v1", merchantCustomerRef: "cust-1", idempotencyKey: "v1", returnUrl: "/back", saveCard: true, description: "Verifica carta",
    });
    await simulateHostedPayment(sessionId, { number: "4000 0000 0000 0341" });
    const saved = await gw.getOutcome({ sessionId });
    if (saved.status !== "succeeded" || !saved.card.token) throw new Error(`expected a saved card, got ${saved.status}`);
    expect(await charge(saved.card.token, { initiator: "MIT" })).toMatchObject({ status: "failed", reason: "declined" });
    expect(await charge(saved.card.token)).toMatchObject({ status: "failed", reason: "declined" });
  });

  it("a token is refused for any customer but the one it was saved for", async () => {
    const { token } = await vault("4242424242424242");
    expect(await charge(token, { merchantCustomerRef: "cust-2" })).toMatchObject({ status: "failed", reason: "invalid_card" });
    expect(await charge(token)).toMatchObject({ status: "succeeded" });
  });

  it("an unknown token, or a card expired since it was saved, is refused", async () => {
    expect(await charge("tok_nope")).toMatchObject({ status: "failed", reason: "invalid_card" });
    const { token } = await vault("4242424242424242", 2026, 11);
    expect(await charge(token)).toMatchObject({ status: "succeeded" }); // valid through November 2026
    setClock(new Date("2026-12-01T00:30:00+01:00"));
    expect(await charge(token, { initiator: "MIT" })).toMatchObject({ status: "failed", reason: "expired_card" });
  });
});

describe("3-D Secure on a saved card (CIT of 3184)", () => {
  it("requires action, then 123456 succeeds and returns to the charge's signed returnUrl", async () => {
    const { token } = await vault("4000002760003184");
    const outcome = await charge(token);
    if (outcome.status !== "requires_action") throw new Error(`expected requires_action, got ${outcome.status}`);
    expect(outcome.redirectUrl).toBe(`/gateway/challenge/${outcome.chargeId}`);
    const [key, merchantRef] = [`charge-${n}`, `pay-${n}`];
    expect(await charge(token, { idempotencyKey: key, merchantRef })).toEqual(outcome);

    const back = await answerChallenge(outcome.chargeId!, "123456");
    const url = new URL(back);
    expect(url.origin + url.pathname).toBe("https://area.example/ordini/1/esito");
    expect(url.searchParams.get("x")).toBe("1");
    expect(gw.verifyReturn(url.searchParams)).toEqual({ id: outcome.chargeId, merchantRef, lookup: { chargeId: outcome.chargeId } });
    expect(await gw.getOutcome({ idempotencyKey: key })).toMatchObject({ status: "succeeded", chargeId: outcome.chargeId });
    expect(await db.job.findFirstOrThrow()).toMatchObject({ type: "gateway.notify", uniqueKey: `gateway.notify:charge:${outcome.chargeId}` });
  });

  it("a wrong code fails it", async () => {
    const { token } = await vault("4000002760003184");
    const { chargeId } = (await charge(token)) as { chargeId: string };
    await answerChallenge(chargeId, "111111");
    expect(await gw.getOutcome({ chargeId })).toEqual({ status: "failed", reason: "authentication_failed", chargeId });
  });

  it("the challenge lapses after 15 minutes", async () => {
    const { token } = await vault("4000002760003184");
    const { chargeId } = (await charge(token)) as { chargeId: string };
    setClock(new Date(T0.getTime() + 15 * 60_000));
    expect(await gw.getOutcome({ chargeId })).toMatchObject({ status: "failed", reason: "authentication_abandoned" });
  });

  it("cancel racing the right OTP: exactly one of them wins, and every answer agrees", async () => {
    await Promise.all(Array.from({ length: 10 }, () => db.$executeRaw`SELECT pg_sleep(0.01)`)); // open the pool's connections
    for (let round = 0; round < 10; round++) {
      const { token } = await vault("4000002760003184");
      const { chargeId } = (await charge(token)) as { chargeId: string };
      const [cancelled] = await Promise.all([gw.cancel({ chargeId }), answerChallenge(chargeId, "123456")]);
      const final = await gw.getOutcome({ chargeId });
      expect(cancelled).toEqual(final);
      expect(["succeeded", "failed"]).toContain(final.status);
      expect(await gw.cancel({ chargeId })).toEqual(final);
    }
  });
});

describe("idempotency", () => {
  it("ten concurrent calls with one key make exactly one charge", async () => {
    const { token } = await vault("4242424242424242");
    const input = { idempotencyKey: "same", merchantRef: "pay-same", initiator: "MIT" } as const;
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => charge(token, input)));
    expect(await db.gwCharge.count()).toBe(1);
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(outcomes[0]).toMatchObject({ status: "succeeded" });
  });

  it("ten concurrent session creations with one key make one session", async () => {
    const create = () => gw.createHostedSession({
      kind: "PAYMENT", amountCents: 100, currency: "EUR", merchantRef: "m", merchantCustomerRef: "c", idempotencyKey: "s", returnUrl: "/r", saveCard: true, description: "Ordine",
    });
    const sessions = await Promise.all(Array.from({ length: 10 }, create));
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(1);
    expect(await db.gwSession.count()).toBe(1);
  });

  it("refuses a key reused for a different charge, and malformed requests", async () => {
    const { token } = await vault("4242424242424242");
    await charge(token, { idempotencyKey: "k" });
    await expect(charge(token, { idempotencyKey: "k", amountCents: 1 })).rejects.toMatchObject({ code: "idempotency_conflict" });
    await expect(charge(token, { amountCents: 0 })).rejects.toBeInstanceOf(GatewayError);
    await expect(charge(token, { amountCents: 1.5 })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(charge(token, { returnUrl: undefined })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(charge(token, { returnUrl: "javascript:alert(1)" })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(charge(token, { returnUrl: "//evil.example/x" })).rejects.toMatchObject({ code: "invalid_request" });
    expect(await charge(token, { initiator: "MIT", returnUrl: undefined })).toMatchObject({ status: "succeeded" });
  });
});

describe("refunds", () => {
  it("partial and full, never more than charged, idempotent by key", async () => {
    const { token } = await vault("4242424242424242");
    const { chargeId } = (await charge(token, { initiator: "MIT" })) as { chargeId: string };
    const first = await gw.refund({ chargeId, amountCents: 2_000, idempotencyKey: "r1" });
    expect(first).toEqual({ refundId: expect.any(String), refundedCents: 2_000 });
    expect(await gw.refund({ chargeId, amountCents: 2_000, idempotencyKey: "r1" })).toEqual(first);
    await expect(gw.refund({ chargeId, amountCents: 3_001, idempotencyKey: "r2" })).rejects.toMatchObject({ code: "refund_exceeds_charge" });
    await expect(gw.refund({ chargeId, amountCents: 999, idempotencyKey: "r1" })).rejects.toMatchObject({ code: "idempotency_conflict" });
    expect(await gw.refund({ chargeId, amountCents: 3_000, idempotencyKey: "r2" })).toMatchObject({ refundedCents: 3_000 });
    await expect(gw.refund({ chargeId, amountCents: 1, idempotencyKey: "r3" })).rejects.toMatchObject({ code: "refund_exceeds_charge" });
    expect(await db.gwCharge.findUniqueOrThrow({ where: { id: chargeId } })).toMatchObject({ refundedCents: 5_000 });
    expect(await db.gwRefund.count()).toBe(2);
  });

  it("concurrent refunds with different keys never pass the amount charged", async () => {
    const { token } = await vault("4242424242424242");
    const { chargeId } = (await charge(token, { initiator: "MIT" })) as { chargeId: string };
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => gw.refund({ chargeId, amountCents: 1_000, idempotencyKey: `c${i}` })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(await db.gwCharge.findUniqueOrThrow({ where: { id: chargeId } })).toMatchObject({ refundedCents: 5_000 });
  });

  it("refuses unknown and failed charges", async () => {
    await expect(gw.refund({ chargeId: "x", amountCents: 1, idempotencyKey: "a" })).rejects.toMatchObject({ code: "charge_not_found" });
    const { chargeId } = (await charge("tok_unknown")) as { chargeId: string };
    await expect(gw.refund({ chargeId, amountCents: 1, idempotencyKey: "b" })).rejects.toMatchObject({ code: "charge_not_refundable" });
  });
});
