import { beforeAll, describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer, paymentCounts } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { startOffSessionPayment } from "@/lib/payments/start-payment";

const db = getDb();

beforeAll(async () => {
  await seedDemoData(db);
});

/** A renewal order the engine is about to charge: the PEC renews automatically on the saved card. */
async function dueRenewal() {
  const c = await createTestCustomer({ kind: "saved-card" });
  await db.service.update({ where: { id: c.pecServiceId }, data: { autoRenewal: true } });
  const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
  return { ...c, cardId: renewalCardId! };
}

describe("issue 11, defect 8: an off-session charge re-checks, under the order lock, what allows it", () => {
  it("renewal switched off in the same second: not charged", async () => {
    const c = await dueRenewal();
    await db.service.update({ where: { id: c.pecServiceId }, data: { autoRenewal: false } });
    const result = await startOffSessionPayment({ orderId: c.order.id, at: now() }).catch((e: unknown) => e);
    expect(result).toMatchObject({ status: "REFUSED", reason: "renewal_off" });
    expect(await paymentCounts(c.customerId)).toMatchObject({ bankCharges: 0, paidOrders: 0 });
  });

  it("renewal card removed in the same second: not charged", async () => {
    const c = await dueRenewal();
    await db.card.update({ where: { id: c.cardId }, data: { removedAt: new Date() } });
    const result = await startOffSessionPayment({ orderId: c.order.id, at: now() }).catch((e: unknown) => e);
    expect(result).toMatchObject({ status: "REFUSED", reason: "no_card" });
    expect(await paymentCounts(c.customerId)).toMatchObject({ bankCharges: 0, paidOrders: 0 });
  });

  it("still on, card still there and within its ceiling: charged once", async () => {
    const c = await dueRenewal();
    expect(await startOffSessionPayment({ orderId: c.order.id, at: now() })).toMatchObject({ status: "SUCCEEDED" });
    expect(await paymentCounts(c.customerId)).toMatchObject({ bankCharges: 1, paidOrders: 1 });
  });
});
