import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { advanceClock, resetClock, setClock } from "@/lib/clock";
import { truncateAllTables } from "@/tests/db";
import type { HostedSessionInput } from "../types";
import { sandboxGateway as gw } from ".";
import { cardDetailsInput } from "./card-input";
import { abandonChallenge, abandonSession, answerChallenge, loadChallengePage, loadPaymentPage, sendCardDetails } from "./hosted";
import { editCardDetails, enterCardDetails } from "./sessions";
import { simulateHostedPayment } from "./simulate";

const T0 = new Date("2026-11-25T10:00:00.000Z");
let n = 0;

function session(overrides: Partial<HostedSessionInput> = {}) {
  n++;
  return gw.createHostedSession({
    kind: "PAYMENT", amountCents: 12_200, currency: "EUR", merchantRef: `pay-${n}`, merchantCustomerRef: "cust-1",
    idempotencyKey: `key-${n}`, returnUrl: "/ordini/1/paga/esito", notifyUrl: "/api/payments/notify", saveCard: true, description: "Ordine ORD-1", ...overrides,
  });
}

const enter = (sessionId: string, number: string, expiry = "08/29") =>
  enterCardDetails(sessionId, cardDetailsInput.parse({ number, expiry, cvv: "123", holder: "Mario Rossi" }));

beforeEach(async () => {
  await truncateAllTables();
  setClock(T0);
});
afterEach(() => resetClock());

describe("hosted page with each test card", () => {
  it.each([
    ["4242 4242 4242 4242", "succeeded", undefined],
    ["4000 0000 0000 0002", "failed", "declined"],
    ["4000 0000 0000 9995", "failed", "insufficient_funds"],
    ["4000 0000 0000 0069", "failed", "expired_card"],
    ["4000 0000 0000 0341", "succeeded", undefined],
    ["5555 5555 5555 4444", "succeeded", undefined],
  ])("%s → %s %s", async (number, status, reason) => {
    const { sessionId, redirectUrl } = await session();
    expect(redirectUrl).toBe(`/gateway/pay/${sessionId}`);
    expect(await gw.getOutcome({ sessionId })).toEqual({ status: "requires_action", redirectUrl });

    const back = await simulateHostedPayment(sessionId, { number });
    expect(back).toMatch(new RegExp(`^/ordini/1/paga/esito\\?gw_ref=${sessionId}&gw_kind=session&gw_mref=pay-\\d+&gw_ts=\\d+&gw_sig=[0-9a-f]{64}$`));
    expect(gw.verifyReturn(new URL(back, "http://x").searchParams)?.lookup).toEqual({ sessionId });

    const outcome = await gw.getOutcome({ sessionId });
    expect(outcome).toMatchObject(reason ? { status, reason } : { status, amountCents: 12_200 });
    const charge = await db.gwCharge.findFirstOrThrow();
    expect(outcome).toMatchObject({ chargeId: charge.id });
    expect(await db.job.count({ where: { type: "gateway.notify" } })).toBe(1);
    // A declined card is not saved; a card that worked is.
    expect(await db.gwCard.count()).toBe(reason ? 0 : 1);
  });

  it("returns the saved card with a succeeded session, and the same token for the same number", async () => {
    const first = await session();
    await simulateHostedPayment(first.sessionId, { number: "4242424242424242", holder: "Mario Rossi" });
    const a = await gw.getOutcome({ sessionId: first.sessionId });
    expect(a).toMatchObject({ status: "succeeded", card: { brand: "Visa", last4: "4242", expMonth: 12, expYear: 2034, holder: "Mario Rossi" } });

    const second = await session({ kind: "VERIFY", amountCents: 0 });
    await simulateHostedPayment(second.sessionId, { number: "4242 4242 4242 4242", expiry: "01/30" });
    const b = await gw.getOutcome({ sessionId: second.sessionId });
    expect(b).toMatchObject({ status: "succeeded", amountCents: 0, card: { expMonth: 1, expYear: 2030 } });
    if (a.status !== "succeeded" || b.status !== "succeeded") throw new Error("unreachable");
    expect(b.card.token).toBe(a.card.token);
    expect(a.card.token).toMatch(/^tok_[0-9a-f]{32}$/);
    expect(await db.gwCharge.findUniqueOrThrow({ where: { id: b.chargeId } })).toMatchObject({ initiator: "VERIFY", amountCents: 0 });

    const otherCustomer = await session({ merchantCustomerRef: "cust-2" });
    await simulateHostedPayment(otherCustomer.sessionId, { number: "4242424242424242" });
    const c = await gw.getOutcome({ sessionId: otherCustomer.sessionId });
    expect(c.status === "succeeded" && c.card.token).not.toBe(a.card.token);
  });

  it("a one-off payment (saveCard false) keeps no card: the outcome has brand and last four, no token", async () => {
    const { sessionId } = await session({ saveCard: false });
    await simulateHostedPayment(sessionId, { number: "4242424242424242" });
    expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "succeeded", card: { token: null, brand: "Visa", last4: "4242" } });
    expect(await db.gwCard.count()).toBe(0);
    const { chargeId } = (await gw.getOutcome({ sessionId })) as { chargeId: string };
    expect(await gw.getOutcome({ chargeId })).toMatchObject({ status: "succeeded", card: { token: null, last4: "4242" } });
  });

  it("is found by the merchant's attempt reference: the idempotency key first, else the bank's ids", async () => {
    const { sessionId } = await session({ idempotencyKey: "attempt-key", merchantRef: "attempt-1" });
    expect(await gw.getOutcome({ merchantRef: "attempt-1", idempotencyKey: "attempt-key" })).toMatchObject({ status: "requires_action" });
    expect(await gw.getOutcome({ merchantRef: "attempt-1", idempotencyKey: "other-key", sessionId })).toMatchObject({ status: "requires_action" });
    expect(await gw.getOutcome({ merchantRef: "attempt-1", idempotencyKey: "other-key" })).toEqual({ status: "not_found" });
  });

  it("Amex and Mastercard 2-series get their brand", async () => {
    for (const [number, brand] of [["3782 822463 10005", "American Express"], ["2223 0031 2200 3222", "Mastercard"]]) {
      const { sessionId } = await session();
      await simulateHostedPayment(sessionId, { number, cvv: "1234" });
      expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "succeeded", card: { brand } });
    }
  });
});

describe("3-D Secure on the hosted page (4000 0027 6000 3184)", () => {
  it("asks for the OTP, and 123456 succeeds", async () => {
    const { sessionId } = await session();
    const challenge = await simulateHostedPayment(sessionId, { number: "4000002760003184" });
    expect(challenge).toMatch(/^\/gateway\/challenge\/[0-9a-f-]{36}$/);
    const chargeId = challenge.split("/").pop()!;
    expect(await gw.getOutcome({ sessionId })).toEqual({ status: "requires_action", chargeId, redirectUrl: challenge });
    expect(await db.gwCard.count()).toBe(0); // saved only once authenticated
    expect(await loadChallengePage(chargeId)).toMatchObject({ state: "otp", card: { brand: "Visa", last4: "3184" } });
    expect(await loadPaymentPage(sessionId)).toEqual({ state: "challenge", chargeId });

    const back = await answerChallenge(chargeId, "123456");
    expect(back).toContain(`gw_ref=${sessionId}&gw_kind=session`);
    expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "succeeded", chargeId, card: { last4: "3184" } });
    expect(await db.gwCard.count()).toBe(1);
    // The OTP sent again changes nothing.
    expect(await answerChallenge(chargeId, "000000")).toContain(`gw_ref=${sessionId}`);
    expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "succeeded" });
  });

  it("fails the authentication at the first wrong code (one try)", async () => {
    const { sessionId } = await session();
    const back = await simulateHostedPayment(sessionId, { number: "4000 0027 6000 3184", otp: "654321" });
    expect(back).toContain(`gw_ref=${sessionId}`);
    expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "failed", reason: "authentication_failed" });
    expect(await answerChallenge((await db.gwCharge.findFirstOrThrow()).id, "123456")).toContain("gw_ref=");
    expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "failed", reason: "authentication_failed" });
    expect(await db.gwSession.findFirstOrThrow()).toMatchObject({ status: "FAILED", otpAttempts: 1 });
    expect(await db.gwCard.count()).toBe(0);
  });

  it("Annulla on the OTP page abandons it", async () => {
    const { sessionId } = await session();
    const chargeId = (await simulateHostedPayment(sessionId, { number: "4000002760003184" })).split("/").pop()!;
    expect(await abandonChallenge(chargeId)).toContain(`gw_ref=${sessionId}`);
    expect(await gw.getOutcome({ sessionId })).toMatchObject({ status: "failed", reason: "authentication_abandoned", chargeId });
    expect(await gw.getOutcome({ chargeId })).toMatchObject({ status: "failed", reason: "authentication_abandoned" });
  });
});

describe("the steps of the hosted page", () => {
  it("shows the form, then the masked summary; Modifica goes back to an empty form", async () => {
    const { sessionId } = await session();
    expect(await loadPaymentPage(sessionId)).toEqual({ state: "form", sale: { merchant: "Area Clienti S.p.A.", kind: "PAYMENT", amountCents: 12_200 } });
    expect(await enter(sessionId, "4242424242424242")).toBe(true);
    expect(await enter(sessionId, "4242424242424242")).toBe(false); // only from the form
    expect(await loadPaymentPage(sessionId)).toMatchObject({ state: "summary", card: { brand: "Visa", last4: "4242", expiry: "08/29", holder: "Mario Rossi" } });
    expect(await editCardDetails(sessionId)).toBe(true);
    expect(await db.gwSession.findFirstOrThrow()).toMatchObject({ status: "OPEN", cardLast4: null, cardFingerprint: null });
  });

  it("a double (even simultaneous) Invio dati makes one charge", async () => {
    await Promise.all(Array.from({ length: 10 }, () => db.$executeRaw`SELECT pg_sleep(0.01)`)); // open the pool's connections
    for (const number of ["4242424242424242", "4000002760003184", "4000000000000002", "4242424242424242"]) {
      const { sessionId } = await session();
      await enter(sessionId, number);
      const urls = await Promise.all(Array.from({ length: 8 }, () => sendCardDetails(sessionId)));
      expect(new Set(urls.map((u) => u.replace(/gw_ts=\d+&gw_sig=\w+/, ""))).size).toBe(1);
      expect(await db.gwCharge.count({ where: { merchantRef: `pay-${n}` } })).toBe(1);
    }
    expect(await db.gwCard.count()).toBe(1);
    expect(await db.job.count()).toBe(3);
  });

  it("Annulla fails the session as abandoned and sends the customer back", async () => {
    const { sessionId } = await session();
    await enter(sessionId, "4242424242424242");
    expect(await abandonSession(sessionId)).toContain(`gw_ref=${sessionId}`);
    expect(await gw.getOutcome({ sessionId })).toEqual({ status: "failed", reason: "authentication_abandoned" });
    expect(await sendCardDetails(sessionId)).toContain("gw_ref="); // too late: nothing is charged
    expect(await db.gwCharge.count()).toBe(0);
    expect(await loadPaymentPage(sessionId)).toMatchObject({ state: "closed", why: "failed" });
  });

  it("expires after 15 minutes, also in the middle of the challenge", async () => {
    const open = await session();
    const challenged = await session();
    const chargeId = (await simulateHostedPayment(challenged.sessionId, { number: "4000002760003184" })).split("/").pop()!;
    advanceClock(15 * 60_000);
    expect(await loadPaymentPage(open.sessionId)).toMatchObject({ state: "closed", why: "expired" });
    expect(await gw.getOutcome({ sessionId: open.sessionId })).toEqual({ status: "failed", reason: "authentication_abandoned" });
    expect(await answerChallenge(chargeId, "123456")).toContain("gw_ref=");
    expect(await gw.getOutcome({ sessionId: challenged.sessionId })).toMatchObject({ status: "failed", reason: "authentication_abandoned" });
    expect(await db.gwSession.findMany({ select: { status: true } })).toEqual([{ status: "EXPIRED" }, { status: "EXPIRED" }]);
    expect(await db.job.count({ where: { type: "gateway.notify" } })).toBe(2);
  });

  it("answers unknown and malformed ids with not_found, changing nothing", async () => {
    expect(await loadPaymentPage("not-a-uuid")).toEqual({ state: "not_found" });
    expect(await loadPaymentPage("00000000-0000-4000-8000-000000000000")).toEqual({ state: "not_found" });
    expect(await loadChallengePage("'; DROP TABLE x; --")).toEqual({ state: "not_found" });
    expect(await sendCardDetails("nope")).toBe("/gateway/pay/nope");
    expect(await gw.getOutcome({ idempotencyKey: "unknown" })).toEqual({ status: "not_found" });
    expect(await gw.cancel({ sessionId: "zzz" })).toEqual({ status: "not_found" });
  });
});

describe("card data at rest", () => {
  it("no row of the bank holds a full card number or the CVV", async () => {
    const numbers = ["4242424242424242", "4000002760003184", "4000000000000341", "4000000000000002"];
    for (const number of numbers) await simulateHostedPayment((await session()).sessionId, { number, cvv: "987", otp: "123456" });
    const { sessionId } = await session();
    await enter(sessionId, "4000000000009995"); // left on the summary, the state with most card data

    const dump = JSON.stringify([await db.gwSession.findMany(), await db.gwCard.findMany(), await db.gwCharge.findMany(), await db.job.findMany()]);
    for (const number of [...numbers, "4000000000009995"]) {
      expect(dump).not.toContain(number);
      expect(dump).not.toContain(number.slice(0, 12));
    }
    expect(await db.gwCard.count()).toBe(3);
  });
});
