import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { bankCharges, bankNotifications, payAtBank } from "@/lib/gateway/testing";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { confirmAttempt, reconcileAttempts, receiveGatewayNotification } from "@/lib/attempts";
import { handleVerificationReturn } from "./returns";
import { CardError } from "./errors";
import { startCardVerification, verificationLimits } from "./verify";

const db = getDb();
const SPID_CEILING = 3038; // the fixture's SPID renewal, VAT included

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});
beforeEach(() => resetClock());

async function customer(kind: "no-card" | "saved-card" = "no-card") {
  const c = await createTestCustomer({ kind });
  return { ...c, viewer: { customerId: c.customerId, username: c.username } };
}

/** The customer on the bank's page: returns the verification after the browser came back. */
async function verifyOnBank(c: Awaited<ReturnType<typeof customer>>, number: string, opts: { forRenewals?: boolean; otp?: string } = {}) {
  const forRenewals = opts.forRenewals ?? false;
  const started = await startCardVerification({ viewer: c.viewer, forRenewals, ceilingConsent: true, ceilingCents: SPID_CEILING, ip: "203.0.113.9", userAgent: "vitest" });
  expect(started.redirectUrl).toBeTruthy(); // the bank's hosted page
  const v = await db.attempt.findUniqueOrThrow({ where: { id: started.verificationId } });
  expect(v.status).toBe("REQUIRES_ACTION");
  const back = await payAtBank(started.redirectUrl!, { number, otp: opts.otp });
  const url = new URL(back, "http://localhost");
  const view = url.pathname.endsWith("/ritorno")
    ? await handleVerificationReturn({ verificationId: v.id, viewer: c.viewer, query: url.searchParams })
    : null;
  return { id: v.id, back, view };
}

const cardsOf = (customerId: string) => db.card.findMany({ where: { customerId, removedAt: null }, select: { id: true, brand: true, last4: true } });

describe("adding a card with a zero-amount verification", () => {
  it("an approved card is saved, becomes the renewal card and carries the ceiling consented", async () => {
    const c = await customer();
    const { id, view } = await verifyOnBank(c, "4242424242424242", { forRenewals: true });
    expect(view).toEqual({ status: "SUCCEEDED" });
    const [card] = await cardsOf(c.customerId);
    expect(card).toMatchObject({ brand: "Visa", last4: "4242" });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).renewalCardId).toBe(card.id);
    expect(await db.ceilingConsent.findMany({ where: { customerId: c.customerId }, select: { cardId: true, attemptId: true, amountCents: true, ip: true } }))
      .toEqual([{ cardId: card.id, attemptId: id, amountCents: SPID_CEILING, ip: "203.0.113.9" }]);
    expect((await bankCharges([id])).filter((c) => c.amountCents > 0)).toEqual([]);
    expect(await db.auditLog.count({ where: { entityId: c.customerId, action: "card.added" } })).toBe(1);

    // The browser comes back twice, the bank notifies, reconciliation runs: nothing happens twice.
    expect(await confirmAttempt(id)).toEqual({ status: "SUCCEEDED" });
    const [signed] = await bankNotifications(id);
    expect(await receiveGatewayNotification(signed.body, signed.headers)).toBe("accepted");
    expect(await cardsOf(c.customerId)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: c.customerId, action: "card.added" } })).toBe(1);
  });

  it("a declined card adds nothing and the verification says why", async () => {
    const c = await customer("saved-card");
    const { id, view } = await verifyOnBank(c, "4000000000000002");
    expect(view).toEqual({ status: "FAILED" });
    expect((await db.attempt.findUniqueOrThrow({ where: { id } })).failureReason).toBe("declined");
    expect(await cardsOf(c.customerId)).toHaveLength(1);
  });

  it("3-D Secure: the right OTP adds the card, without touching the renewal card when not asked", async () => {
    const c = await customer("saved-card");
    const before = (await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).renewalCardId;
    const challenged = await verifyOnBank(c, "4000002760003184");
    expect(challenged.view).toBeNull(); // still at the bank, on its 3-D Secure page
    expect(await confirmAttempt(challenged.id)).toMatchObject({ status: "OPEN" });
    const passed = await verifyOnBank(c, "4000002760003184", { otp: "123456" });
    expect(passed.view).toEqual({ status: "SUCCEEDED" });
    expect((await cardsOf(c.customerId)).map((x) => x.last4).sort()).toEqual(["3184", "4242"]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).renewalCardId).toBe(before);
    // No consent for a card that does not pay renewals.
    expect(await db.ceilingConsent.count({ where: { attemptId: passed.id } })).toBe(0);
    const failed = await verifyOnBank(c, "4000002760003184", { otp: "000000" });
    expect(failed.view).toEqual({ status: "FAILED" });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: failed.id } })).failureReason).toBe("authentication_failed");
  });

  it("asks for the ceiling only when the card will pay an active automatic renewal, and only the one shown", async () => {
    const c = await customer();
    await expect(startCardVerification({ viewer: c.viewer, forRenewals: true, ceilingConsent: false })).rejects.toMatchObject({ code: "ceiling_consent_required" });
    await expect(startCardVerification({ viewer: c.viewer, forRenewals: true, ceilingConsent: true, ceilingCents: 100 })).rejects.toMatchObject({ code: "ceiling_changed" });
    expect(await db.cardVerification.count({ where: { customerId: c.customerId } })).toBe(0);
    const anna = { customerId: demoIds.anna, username: "anna.bianchi" };
    const started = await startCardVerification({ viewer: anna, forRenewals: true, ceilingConsent: false });
    expect(await db.ceilingConsent.count({ where: { attemptId: started.verificationId } })).toBe(0);
  });

  it("limits open and failed verifications per customer (card testing)", async () => {
    const c = await customer("saved-card");
    for (let i = 0; i < verificationLimits.open; i++) await startCardVerification({ viewer: c.viewer, forRenewals: false, ceilingConsent: false });
    await expect(startCardVerification({ viewer: c.viewer, forRenewals: false, ceilingConsent: false })).rejects.toBeInstanceOf(CardError);
    // Left at the bank: ended by reconciliation after 20 minutes, which frees the slots.
    advanceClock(21 * 60_000);
    await reconcileAttempts(Date.now() + 21 * 60_000);
    expect(await db.cardVerification.count({ where: { customerId: c.customerId, attempt: { status: "FAILED", failureReason: "authentication_abandoned" } } })).toBe(verificationLimits.open);
    await verifyOnBank(c, "4000000000000002");
    await verifyOnBank(c, "4000000000000002");
    await expect(startCardVerification({ viewer: c.viewer, forRenewals: false, ceilingConsent: false })).rejects.toMatchObject({ code: "too_many_verifications" });
  });

  it("another customer's verification is not found on return", async () => {
    const c = await customer();
    const other = await customer();
    const { verificationId } = await startCardVerification({ viewer: other.viewer, forRenewals: false, ceilingConsent: false });
    expect(await handleVerificationReturn({ verificationId, viewer: c.viewer, query: new URLSearchParams() })).toBeNull();
    expect(await handleVerificationReturn({ verificationId: "nope", viewer: c.viewer, query: new URLSearchParams() })).toBeNull();
  });
});
