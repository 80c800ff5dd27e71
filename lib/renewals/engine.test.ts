import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { now, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer, paymentCounts } from "@/lib/demo/fixtures";
import { bankCharges } from "@/lib/gateway/testing";
import { saveSandboxCard } from "@/lib/demo/sandbox-cards";
import { seedDemoData } from "@/lib/demo/seed";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { runRenewals } from "./engine";
import { listFailedRenewals } from "./queries";

const db = getDb();
const DAY = 86_400_000;

beforeAll(async () => {
  await seedDemoData(db);
});
afterEach(() => resetClock());

async function customer(opts: { card?: "4242" | "0341"; spidExpiresInDays: number; noCard?: boolean }) {
  const c = await createTestCustomer({ kind: opts.noCard ? "no-card" : "saved-card", card: opts.card ?? "4242", spidExpiresInDays: opts.spidExpiresInDays });
  const spid = await db.service.findFirstOrThrow({ where: { customerId: c.customerId, productCode: "SPID" }, select: { id: true, expiresAt: true } });
  return { ...c, spidId: spid.id, spidExpiresAt: spid.expiresAt!, viewer: { customerId: c.customerId, username: c.username } };
}

const emails = (to: string, template: string) => db.email.count({ where: { to, template } });
const renewalOrders = (serviceId: string) => db.order.findMany({ where: { serviceId, renewalKey: { not: null } }, select: { id: true, status: true, renewalKey: true, autoChargeStage: true, number: true }, orderBy: { createdAt: "asc" } });
/** The engine's off-session charges, as the bank saw them, with the reason the area recorded. */
const mitCharges = async (customerId: string) => {
  const attempts = await db.attempt.findMany({ where: { offSession: true, orderPayment: { customerId } }, select: { id: true, failureReason: true } });
  const charges = (await bankCharges(attempts.map((a) => a.id))).filter((c) => c.initiator === "MIT");
  return charges.map((c) => ({ status: c.status, failureReason: attempts.find((a) => a.id === c.merchantRef)?.failureReason ?? null }));
};

/** Runs the engine for one customer every `stepHours` from now for `days` days, moving the clock. */
async function simulate(customerId: string, days: number, stepHours = 24) {
  const start = now().getTime();
  for (let t = 0; t <= days * 24; t += stepHours) {
    setClock(new Date(start + t * 3_600_000));
    await runRenewals({ at: now(), customerId });
  }
}

describe("the renewal engine", () => {
  it("renews a service every year for two years: one paid order per period, expiry +1 year, e-mails once", async () => {
    const c = await customer({ spidExpiresInDays: 10 });
    await simulate(c.customerId, 400);
    const orders = await renewalOrders(c.spidId);
    expect(orders.map((o) => o.status)).toEqual(["PAID", "PAID"]);
    expect(orders.map((o) => o.renewalKey)).toEqual([`${c.spidId}:${c.spidExpiresAt.toISOString()}`, expect.stringMatching(new RegExp(`^${c.spidId}:`))]);
    for (const o of orders) expect(o.number).toMatch(/^ORD-\d{4}-\d{6}$/);
    const spid = await db.service.findUniqueOrThrow({ where: { id: c.spidId }, select: { expiresAt: true, status: true } });
    expect(spid.status).toBe("ACTIVE");
    expect(spid.expiresAt!.getUTCFullYear() - c.spidExpiresAt.getUTCFullYear()).toBe(2);
    expect(spid.expiresAt!.getUTCDate()).toBe(c.spidExpiresAt.getUTCDate());
    expect(await paymentCounts(c.customerId)).toMatchObject({ succeeded: 2, failed: 0, bankCharges: 2 });
    expect(await emails(c.email, "payment-confirmed")).toBe(2);
    const confirmation = await db.email.findFirstOrThrow({ where: { to: c.email, template: "payment-confirmed" } });
    expect(confirmation.props).toMatchObject({ automatic: true, serviceName: `SPID ${c.username.slice(3)}` });
    // The PEC (renewal off) was announced at 30 and 7 days, then expired once, with one e-mail each.
    expect(await emails(c.email, "service-expiring")).toBe(2);
    expect(await emails(c.email, "service-expired")).toBe(1);
    expect(await emails(c.email, "renewal-failed")).toBe(0);
    expect((await db.service.findUniqueOrThrow({ where: { id: c.pecServiceId } })).status).toBe("EXPIRED");
  }, 180_000);

  it("two engines running at once make one order and one charge", async () => {
    const c = await customer({ spidExpiresInDays: 5 });
    const at = now();
    const [a, b] = await Promise.all([runRenewals({ at, customerId: c.customerId }), runRenewals({ at, customerId: c.customerId })]);
    expect(a.ordersCreated + b.ordersCreated).toBe(1);
    expect(a.charged + b.charged).toBe(1);
    await Promise.all([runRenewals({ at, customerId: c.customerId }), runRenewals({ at: new Date(at.getTime() + 2 * DAY), customerId: c.customerId })]);
    expect((await renewalOrders(c.spidId)).map((o) => o.status)).toEqual(["PAID"]);
    expect(await paymentCounts(c.customerId)).toMatchObject({ succeeded: 1, bankCharges: 1 });
    expect(await mitCharges(c.customerId)).toHaveLength(1);
  });

  it("many services raced by concurrent engines: still one order and one charge each", async () => {
    const cs = await Promise.all(Array.from({ length: 6 }, (_, i) => customer({ card: i % 3 === 0 ? "0341" : "4242", spidExpiresInDays: 3 })));
    const at = now();
    await Promise.all(cs.flatMap((c) => [runRenewals({ at, customerId: c.customerId }), runRenewals({ at, customerId: c.customerId }), runRenewals({ at, customerId: c.customerId })]));
    for (const [i, c] of cs.entries()) {
      expect(await renewalOrders(c.spidId)).toHaveLength(1);
      expect(await mitCharges(c.customerId)).toHaveLength(1);
      expect(await paymentCounts(c.customerId)).toMatchObject({ bankCharges: i % 3 === 0 ? 0 : 1 });
    }
    const numbers = await db.order.findMany({ where: { customerId: { in: cs.map((c) => c.customerId) }, renewalKey: { not: null } }, select: { number: true } });
    expect(new Set(numbers.map((n) => n.number)).size).toBe(6);
  });

  it("a card that always declines: tried at 7, 5, 3 and 1 days, one e-mail, then the service expires", async () => {
    const c = await customer({ card: "0341", spidExpiresInDays: 8 });
    await simulate(c.customerId, 10, 6);
    const charges = await mitCharges(c.customerId);
    expect(charges).toHaveLength(4);
    expect(charges.every((x) => x.status === "failed" && x.failureReason === "declined")).toBe(true);
    const [order] = await renewalOrders(c.spidId);
    expect(order).toMatchObject({ status: "AWAITING_PAYMENT", autoChargeStage: 4 });
    expect(await emails(c.email, "renewal-failed")).toBe(1);
    const failed = await db.email.findFirstOrThrow({ where: { to: c.email, template: "renewal-failed" } });
    expect(failed.props).toMatchObject({ reason: "declined", orderNumber: order.number, payUrl: expect.stringContaining(`/ordini/${order.id}/paga`) });
    expect(await db.auditLog.count({ where: { entityId: order.id, action: "renewal.charge_failed" } })).toBe(4);
    expect((await db.service.findUniqueOrThrow({ where: { id: c.spidId } })).status).toBe("EXPIRED");
    expect(await emails(c.email, "service-expired")).toBe(1);
    expect(await paymentCounts(c.customerId)).toMatchObject({ succeeded: 0, bankCharges: 0 });
  });

  it("a failed renewal paid by hand is not charged again by the next retry", async () => {
    const c = await customer({ card: "0341", spidExpiresInDays: 6 });
    expect(await runRenewals({ at: now(), customerId: c.customerId })).toMatchObject({ ordersCreated: 1, failed: 1, charged: 0 });
    const [order] = await renewalOrders(c.spidId);
    const visa = await db.$transaction((tx) => saveSandboxCard(tx, { customerId: c.customerId, number: "4242424242424242", holder: "Cliente QA", expMonth: 12, expYear: now().getUTCFullYear() + 2 }));
    await startOrderPayment({ viewer: c.viewer, orderId: order.id, card: { kind: "saved", cardId: visa.id }, ceilingConsent: true, ceilingCents: 3038 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    setClock(new Date(now().getTime() + 2 * DAY));
    expect(await runRenewals({ at: now(), customerId: c.customerId })).toMatchObject({ ordersCreated: 0, charged: 0, failed: 0 });
    expect(await mitCharges(c.customerId)).toHaveLength(1);
    expect(await paymentCounts(c.customerId)).toMatchObject({ succeeded: 1, bankCharges: 1 });
    const spid = await db.service.findUniqueOrThrow({ where: { id: c.spidId } });
    expect(spid.expiresAt!.getUTCFullYear() - c.spidExpiresAt.getUTCFullYear()).toBe(1);
  });

  it("above the ceiling, or without a card, the bank is not asked and the customer is told why", async () => {
    const above = await customer({ spidExpiresInDays: 5 });
    const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: above.customerId } });
    expect(await listFailedRenewals(above.viewer)).toEqual([]);
    await db.ceilingConsent.create({ data: { customerId: above.customerId, cardId: renewalCardId, amountCents: 1000, createdAt: new Date(Date.now() + 1000) } });
    const none = await customer({ spidExpiresInDays: 5, noCard: true });
    for (const c of [above, none]) {
      expect(await runRenewals({ at: now(), customerId: c.customerId })).toMatchObject({ ordersCreated: 1, failed: 1 });
      expect(await db.payment.count({ where: { customerId: c.customerId } })).toBe(0);
    }
    expect((await db.email.findFirstOrThrow({ where: { to: above.email, template: "renewal-failed" } })).props).toMatchObject({ reason: "above_ceiling" });
    // The home page's notice: the customer's own failed renewal, not another's, not through the PEC login.
    const [failed] = await renewalOrders(above.spidId);
    expect((await listFailedRenewals(above.viewer)).map((o) => o.id)).toEqual([failed.id]);
    expect(await listFailedRenewals({ ...above.viewer, pecServiceId: above.pecServiceId })).toEqual([]);
    expect((await listFailedRenewals(none.viewer)).map((o) => o.id)).not.toContain(failed.id);
    expect((await db.email.findFirstOrThrow({ where: { to: none.email, template: "renewal-failed" } })).props).toMatchObject({ reason: "no_card" });
  });

  it("adopts the renewal order the customer already received instead of making a second one", async () => {
    const c = await customer({ spidExpiresInDays: 200 });
    const pec = await db.service.update({ where: { id: c.pecServiceId }, data: { autoRenewal: true }, select: { expiresAt: true } });
    setClock(new Date(pec.expiresAt!.getTime() - 6 * DAY));
    expect(await runRenewals({ at: now(), customerId: c.customerId })).toMatchObject({ ordersCreated: 0, charged: 1 });
    expect(await db.order.findMany({ where: { serviceId: c.pecServiceId }, select: { id: true, status: true, renewalKey: true } })).toEqual([
      { id: c.order.id, status: "PAID", renewalKey: `${c.pecServiceId}:${pec.expiresAt!.toISOString()}` },
    ]);
  });

  it("warns once that the renewal card expires before the next charge", async () => {
    const c = await customer({ spidExpiresInDays: 45 });
    const at = now();
    const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId } });
    // The card's last valid month ends before the charge (38 days from now).
    const lastMonth = new Date(at.getTime() + 20 * DAY);
    await db.card.update({ where: { id: renewalCardId! }, data: { expMonth: lastMonth.getUTCMonth() + 1, expYear: lastMonth.getUTCFullYear() } });
    await simulate(c.customerId, 12);
    expect(await emails(c.email, "card-expiring")).toBe(1);
    expect(await db.notice.count({ where: { customerId: c.customerId, kind: "card-expiring" } })).toBe(1);
  });
});
