import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer, paymentCounts } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { renewService, renewServices } from "./engine";
import { ensureRenewalOrders, type RenewableService } from "./orders";

const db = getDb();

beforeAll(async () => {
  await seedDemoData(db);
});

/** Customers with a SPID due in 4 days, renewing automatically on a saved card. */
async function dueSpids(n: number) {
  const customers = await Promise.all(Array.from({ length: n }, () => createTestCustomer({ kind: "saved-card", spidExpiresInDays: 4 })));
  return Promise.all(customers.map(async (c) => ({ ...c, spidId: (await db.service.findFirstOrThrow({ where: { customerId: c.customerId, productCode: "SPID" } })).id })));
}

const renewalOrders = (serviceId: string) => db.order.findMany({ where: { serviceId, kind: "RENEWAL" }, select: { id: true, status: true } });

describe("renewals run in batches (a worker's claimed jobs at once) keep one order per period and one charge per order", () => {
  it("two workers' batches of the same services, and each service's job alone, all at once: one order per service, charged once", async () => {
    const due = await dueSpids(6);
    const ids = due.map((d) => d.spidId);
    const at = new Date();
    await Promise.all([
      renewServices({ serviceIds: ids, at }),
      renewServices({ serviceIds: [...ids].reverse(), at }),
      ...ids.map((serviceId) => renewService({ serviceId, at })),
    ]);
    for (const d of due) {
      expect(await renewalOrders(d.spidId)).toEqual([{ id: expect.any(String), status: "PAID" }]);
      expect(await paymentCounts(d.customerId)).toMatchObject({ bankCharges: 1, paidOrders: 1, refundedCharges: 0 });
    }
  });

  it("a batch re-checks each order under its lock: a renewal switched off, a card removed and a customer paying by hand are not charged, the others are", async () => {
    const [off, removed, byHand, ...charged] = await dueSpids(5);
    const at = new Date();
    // The orders exist (the batch's first step), the charges not yet.
    const services = await db.service.findMany({
      where: { id: { in: [off, removed, byHand, ...charged].map((d) => d.spidId) } },
      select: { id: true, customerId: true, name: true, expiresAt: true, renewalPriceCents: true, productCode: true, product: { select: { name: true } } },
    });
    const made = await ensureRenewalOrders(services as RenewableService[]);
    const orders = new Map([...made].map(([serviceId, o]) => [serviceId, o!.orderId]));
    expect(orders.size).toBe(5);
    await db.service.update({ where: { id: off.spidId }, data: { autoRenewal: false } });
    const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: removed.customerId }, select: { renewalCardId: true } });
    await db.card.update({ where: { id: renewalCardId! }, data: { removedAt: new Date() } });
    const byHandCard = (await db.customer.findUniqueOrThrow({ where: { id: byHand.customerId }, select: { renewalCardId: true } })).renewalCardId!;

    const [results] = await Promise.all([
      renewServices({ serviceIds: [off, removed, byHand, ...charged].map((d) => d.spidId), at }),
      startOrderPayment({ viewer: { customerId: byHand.customerId, username: byHand.username }, orderId: orders.get(byHand.spidId)!, card: { kind: "saved", cardId: byHandCard }, ceilingConsent: false }).catch(() => null),
    ]);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await paymentCounts(off.customerId)).toMatchObject({ bankCharges: 0, paidOrders: 0 });
    expect(await paymentCounts(removed.customerId)).toMatchObject({ bankCharges: 0, paidOrders: 0 });
    // Paid once: by hand, or by the engine if it got the order's lock first, never both.
    expect(await paymentCounts(byHand.customerId)).toMatchObject({ bankCharges: 1, paidOrders: 1, refundedCharges: 0 });
    for (const d of charged) expect(await paymentCounts(d.customerId)).toMatchObject({ bankCharges: 1, paidOrders: 1 });
  });
});
