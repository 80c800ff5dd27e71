import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer, paymentCounts } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import type { HostedSessionInput } from "@/lib/gateway";
import { payAtBank } from "@/lib/gateway/testing";
import { interceptGateway } from "@/tests/gateway-faults";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { handlePaymentReturn } from "./returns";
import { startOrderPayment } from "./start-payment";

const db = getDb();

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});

/** mario.rossi's shape, logged in with the PEC mailbox's own password. */
async function mailboxLogin() {
  const c = await createTestCustomer({ kind: "saved-card" });
  const account = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
  const pec = await db.service.findUniqueOrThrow({ where: { id: c.pecServiceId }, select: { autoRenewal: true } });
  return { ...c, renewalCardId: account.renewalCardId!, pecAutoRenewal: pec.autoRenewal, viewer: { customerId: c.customerId, username: c.pecAddress, pecServiceId: c.pecServiceId } };
}

describe("issue 11, defect 4: a PEC mailbox login acts only on its mailbox", () => {
  it("can't charge the account's saved card", async () => {
    const c = await mailboxLogin();
    await expect(startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.renewalCardId }, ceilingConsent: false }))
      .rejects.toMatchObject({ code: "card_not_found" });
    expect(await paymentCounts(c.customerId)).toMatchObject({ succeeded: 0, bankCharges: 0, paidOrders: 0 });
  });

  it("pays its mailbox's order with a new card that changes nothing of the account: no card kept, renewal card, consents and renewals as they were", async () => {
    const c = await mailboxLogin();
    const before = {
      cards: await db.card.count({ where: { customerId: c.customerId } }),
      consents: await db.ceilingConsent.count({ where: { customerId: c.customerId } }),
    };
    const asked: HostedSessionInput[] = [];
    const restore = interceptGateway((bank) => ({ createHostedSession: (input) => (asked.push(input), bank.createHostedSession(input)) }));
    const started = await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "new" }, ceilingConsent: true }).finally(restore);
    const back = new URL(await payAtBank(started.redirectUrl!, { number: "5555555555554444", holder: "Impiegata Casella" }), "http://area.test");
    expect((await handlePaymentReturn({ paymentId: started.paymentId, viewer: c.viewer, query: back.searchParams }))?.status).toBe("SUCCEEDED");

    expect((await db.order.findUniqueOrThrow({ where: { id: c.order.id } })).status).toBe("PAID");
    const account = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
    expect(account.renewalCardId).toBe(c.renewalCardId);
    expect(await db.card.count({ where: { customerId: c.customerId } })).toBe(before.cards);
    expect(await db.ceilingConsent.count({ where: { customerId: c.customerId } })).toBe(before.consents);
    expect((await db.service.findUniqueOrThrow({ where: { id: c.pecServiceId }, select: { autoRenewal: true } })).autoRenewal).toBe(c.pecAutoRenewal);
    // The bank was told not to keep the card.
    expect(asked.map((a) => a.saveCard)).toEqual([false]);
  });
});
