import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { getGateway } from "@/lib/gateway";
import { bankCharges as chargesAtBank, bankNotifications, payAtBank } from "@/lib/gateway/testing";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { PaymentError } from "./errors";
import { reconcileAttempts, receiveGatewayNotification, scheduleReconciliation } from "@/lib/attempts";
import { savedCardCustomer, strandedOrderAttempt } from "@/tests/attempts";
import { startOrderPayment } from "./start-payment";

const db = getDb();

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});
beforeEach(() => resetClock());

async function bankCharges(customerId: string) {
  const ids = (await db.payment.findMany({ where: { customerId }, select: { id: true } })).map((p) => p.id);
  return (await chargesAtBank(ids)).filter((c) => c.status === "succeeded").length;
}

describe("paying an order with a saved card", () => {
  it("pays, extends the service by a year, turns renewal on, audits and queues both e-mails", async () => {
    const c = await savedCardCustomer();
    const before = await db.service.findUniqueOrThrow({ where: { id: c.pecServiceId }, select: { expiresAt: true } });
    const result = await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    expect(result.redirectUrl).toBeUndefined();
    const order = await db.order.findUniqueOrThrow({ where: { id: c.order.id }, select: { status: true, paidAt: true } });
    expect(order.status).toBe("PAID");
    const after = await db.service.findUniqueOrThrow({ where: { id: c.pecServiceId }, select: { expiresAt: true, autoRenewal: true } });
    expect(after.autoRenewal).toBe(true);
    expect(after.expiresAt!.getUTCFullYear() - before.expiresAt!.getUTCFullYear()).toBe(1);
    expect(await db.email.findMany({ where: { to: c.email }, select: { template: true }, orderBy: { template: "asc" } })).toEqual([{ template: "payment-confirmed" }, { template: "renewal-activated" }]);
    expect(await db.auditLog.count({ where: { entityId: c.order.id, action: "payment.succeeded" } })).toBe(1);
    await expect(startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false })).rejects.toMatchObject({ code: "already_paid" });
    expect(await bankCharges(c.customerId)).toBe(1);
  });

  it("ten concurrent attempts on one order end with exactly one charge", async () => {
    const c = await savedCardCustomer();
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false })),
    );
    const ok = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(r.reason).toBeInstanceOf(PaymentError);
    expect(await bankCharges(c.customerId)).toBe(1);
    expect(await db.payment.count({ where: { orderId: c.order.id, attempt: { status: "SUCCEEDED" } } })).toBe(1);
    expect((await db.order.findUniqueOrThrow({ where: { id: c.order.id } })).status).toBe("PAID");
  });

  it("attempts arriving while another one is being settled never charge twice", async () => {
    // Staggered arrivals make some attempts read the order while the first success is being
    // recorded: the case a plain read under READ COMMITTED got wrong.
    for (let round = 0; round < 4; round++) {
      const c = await savedCardCustomer();
      await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          new Promise((r) => setTimeout(r, i * 7)).then(() => startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false })),
        ),
      );
      expect(await bankCharges(c.customerId)).toBe(1);
      expect(await db.auditLog.count({ where: { entityId: c.order.id, action: "payment.refund_owed" } })).toBe(0);
    }
  });

  it("a declined card leaves the order awaiting payment and can be retried with another card", async () => {
    const c = await savedCardCustomer("0341");
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    const failed = await db.attempt.findFirstOrThrow({ where: { orderPayment: { orderId: c.order.id } } });
    expect(failed).toMatchObject({ status: "FAILED", failureReason: "declined", activeKey: null });
    expect((await db.order.findUniqueOrThrow({ where: { id: c.order.id } })).status).toBe("AWAITING_PAYMENT");
    // A new card asks for the ceiling first (SPID renews automatically).
    await expect(startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "new" }, ceilingConsent: false })).rejects.toMatchObject({ code: "ceiling_consent_required" });
    const next = await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "new" }, ceilingConsent: true, ceilingCents: 3038, ip: "203.0.113.5", userAgent: "vitest" });
    expect(next.redirectUrl).toBeTruthy(); // the bank's hosted page
    const consent = await db.ceilingConsent.findFirstOrThrow({ where: { attemptId: next.paymentId } });
    expect(consent).toMatchObject({ amountCents: 3038, ip: "203.0.113.5", userAgent: "vitest", cardId: null });
  });

  it("only the owner can pay, and only with their own card", async () => {
    const c = await savedCardCustomer();
    const other = { customerId: demoIds.anna, username: "anna.bianchi" };
    await expect(startOrderPayment({ viewer: other, orderId: c.order.id, card: { kind: "new" }, ceilingConsent: true })).rejects.toMatchObject({ code: "order_not_found" });
    const mario = { customerId: demoIds.mario, username: "mario.rossi" };
    const marioOrder = await db.order.findUniqueOrThrow({ where: { number: "ORD-2026-000101" } });
    await expect(startOrderPayment({ viewer: mario, orderId: marioOrder.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: true })).rejects.toMatchObject({ code: "card_not_found" });
  });
});

describe("3-D Secure, notifications and reconciliation", () => {
  it("a replayed notification changes nothing", async () => {
    const c = await savedCardCustomer("3184");
    const { paymentId, redirectUrl } = await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    expect(redirectUrl).toBeTruthy(); // the bank's 3-D Secure page
    await payAtBank(redirectUrl!, { number: "4000002760003184", otp: "000000" }); // wrong code: the bank notifies the failure
    // The bank's notification of the final outcome (on Stripe, after events the area ignores).
    const signed = (await bankNotifications(paymentId)).at(-1)!;
    expect(await receiveGatewayNotification(signed.body, signed.headers)).toBe("accepted");
    expect(await receiveGatewayNotification(signed.body, signed.headers)).toBe("duplicate");
    const tampered = new Headers(signed.headers);
    for (const name of ["x-gateway-signature", "stripe-signature"]) if (tampered.has(name)) tampered.set(name, "0".repeat(64));
    expect(await receiveGatewayNotification(signed.body, tampered)).toBe("rejected");
  });

  it("a payment charged at the bank but never recorded (the server died) is settled by reconciliation", async () => {
    const c = await savedCardCustomer();
    const payment = await strandedOrderAttempt({ customerId: c.customerId, orderId: c.order.id, cardId: c.cardId, amountCents: 1098 });
    const card = await db.card.findUniqueOrThrow({ where: { id: c.cardId } });
    const outcome = await getGateway().chargeSavedCard({ cardToken: card.gatewayToken, merchantCustomerRef: c.customerId, description: "Ordine", amountCents: 1098, currency: "EUR", merchantRef: payment.id, idempotencyKey: payment.idempotencyKey, initiator: "CIT", returnUrl: `/pagamenti/${payment.id}/ritorno` });
    expect(outcome.status).toBe("succeeded");
    // ...and here the server died. A minute later the reconciliation job runs:
    advanceClock(90_000);
    await reconcileAttempts(Date.now() + 90_000);
    expect((await db.order.findUniqueOrThrow({ where: { id: c.order.id } })).status).toBe("PAID");
    expect(await bankCharges(c.customerId)).toBe(1);
  });

  it("an attempt created but never sent is closed as not sent, and the order can be paid", async () => {
    const c = await savedCardCustomer();
    await strandedOrderAttempt({ customerId: c.customerId, orderId: c.order.id, cardId: c.cardId, amountCents: 1098, at: new Date(Date.now() - 120_000) });
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    expect(await db.attempt.findMany({ where: { orderPayment: { orderId: c.order.id } }, select: { status: true, failureReason: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { status: "FAILED", failureReason: "not_sent" },
      { status: "SUCCEEDED", failureReason: null },
    ]);
  });

  it("the recurring reconciliation job is scheduled once per 30 s slot whatever the number of workers", async () => {
    const at = new Date("2027-01-01T10:00:31Z");
    await Promise.all([scheduleReconciliation(at), scheduleReconciliation(at), scheduleReconciliation(new Date("2027-01-01T10:00:59Z"))]);
    expect(await db.job.findMany({ where: { type: "payments.reconcile", uniqueKey: { startsWith: "payments.reconcile:2027-01-01T10:00" } }, select: { runAt: true } })).toEqual([
      { runAt: new Date("2027-01-01T10:00:30Z") },
    ]);
  });
});
