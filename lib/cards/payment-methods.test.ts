import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { getPaymentMethods } from "./payment-methods";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});

describe("payment methods", () => {
  it("shows mario's Visa as his renewal card with the ceiling he authorised", async () => {
    const methods = await getPaymentMethods({ customerId: demoIds.mario, username: "mario.rossi" });
    expect(methods.cards).toMatchObject([{ brand: "Visa", last4: "4242", expMonth: 12, expYear: 2028, paysRenewals: true, expiresBeforeRenewal: false }]);
    expect(methods.ceiling).toMatchObject({ amountCents: 3050, card: { brand: "Visa", last4: "4242" } });
    expect(methods.consents).toHaveLength(1);
  });

  it("has nothing for a customer without cards", async () => {
    const methods = await getPaymentMethods({ customerId: demoIds.anna, username: "anna.bianchi" });
    expect(methods).toMatchObject({ cards: [], ceiling: null, consents: [], renewalCharge: null });
  });

  it("warns when the renewal card expires before the renewal it must pay", async () => {
    const c = await createTestCustomer({ kind: "saved-card" });
    const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
    const spid = await db.service.findFirstOrThrow({ where: { customerId: c.customerId, productCode: "SPID" } });
    const soon = new Date(Date.now() + 20 * 86_400_000);
    await db.service.update({ where: { id: spid.id }, data: { expiresAt: soon } });
    // A card that ran out last month: certainly before the renewal charge in 13 days.
    const now = new Date();
    const past = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    await db.card.update({ where: { id: renewalCardId! }, data: { expMonth: past.getUTCMonth() + 1, expYear: past.getUTCFullYear() } });
    const methods = await getPaymentMethods({ customerId: c.customerId, username: c.username });
    expect(methods.cards[0]).toMatchObject({ paysRenewals: true, expiresBeforeRenewal: true });
    expect(methods.renewalCharge?.getTime()).toBe(soon.getTime() - 7 * 86_400_000);
  });
});
