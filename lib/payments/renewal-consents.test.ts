import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { now, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { payAtBank } from "@/lib/gateway/testing";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { runRenewals } from "@/lib/renewals/engine";
import { turnOnRenewal } from "@/lib/services/renewal-switch";
import { getCheckout } from "./checkout";
import { handlePaymentReturn } from "./returns";
import { startOrderPayment } from "./start-payment";

const db = getDb();
const DAY = 86_400_000;

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});
afterEach(() => resetClock());

/** The customer pays on the bank's hosted page with a new card, consenting to what the checkout shows, and comes back. */
async function payWithNewCard(viewer: Viewer, orderId: string) {
  const shown = (await getCheckout(viewer, orderId))!.consentFor({ kind: "new" });
  const started = await startOrderPayment({ viewer, orderId, card: { kind: "new" }, ceilingConsent: shown?.ask ?? false, ceilingCents: shown?.amountCents });
  if (!started.redirectUrl) throw new Error(`no hosted page: ${JSON.stringify(started)}`);
  const back = new URL(await payAtBank(started.redirectUrl, { number: "5555555555554444", holder: "Carta Nuova" }), "http://area.test");
  const result = await handlePaymentReturn({ paymentId: started.paymentId, viewer, query: back.searchParams });
  expect(result?.status).toBe("SUCCEEDED");
  return started.paymentId;
}

const renewalOrder = (serviceId: string) => db.order.findFirst({ where: { serviceId, renewalKey: { not: null } }, select: { status: true } });

describe("issue 11, defect 2: ceiling consents follow the card that pays the renewals", () => {
  it("(a) a first payment that turns a renewal on records the consent for its card: next year's charge goes through", async () => {
    // anna.bianchi's shape: no automatic renewal anywhere, no card.
    const c = await createTestCustomer({ kind: "public-body" });
    const viewer = { customerId: c.customerId, username: c.username };
    await payWithNewCard(viewer, c.order.id);
    const pec = await db.service.findUniqueOrThrow({ where: { id: c.pecServiceId }, select: { autoRenewal: true, expiresAt: true } });
    expect(pec.autoRenewal).toBe(true);

    // A year later, five days before the PEC expires, the engine charges the new renewal card.
    setClock(new Date(pec.expiresAt!.getTime() - 5 * DAY));
    await runRenewals({ at: now(), customerId: c.customerId });
    expect(await renewalOrder(c.pecServiceId)).toMatchObject({ status: "PAID" });
  });

  it("(b) a new card paying a product that never renews does not take the renewals' consent away from their card", async () => {
    // mario.rossi's shape: SPID renews on the saved Visa with its ceiling; a Marca Temporale to buy.
    const c = await createTestCustomer({ kind: "saved-card", extraOrder: true, spidExpiresInDays: 5 });
    const viewer = { customerId: c.customerId, username: c.username };
    await payWithNewCard(viewer, c.secondOrder!.id);
    await runRenewals({ at: now(), customerId: c.customerId });
    const spid = await db.service.findFirstOrThrow({ where: { customerId: c.customerId, productCode: "SPID" }, select: { id: true } });
    expect(await renewalOrder(spid.id)).toMatchObject({ status: "PAID" });
  });
});

describe("issue 11, defect 9: the ceiling recorded while paying is the one the customer saw", () => {
  it("a ceiling that changed between the page and the submit is refused with the new amount, nothing recorded", async () => {
    // The checkout shows 30,38 € (SPID); then, in another tab, Conservazione's renewal goes on (73,20 €).
    const c = await createTestCustomer({ kind: "saved-card", conservazione: true });
    const viewer = { customerId: c.customerId, username: c.username };
    const conservazione = await db.service.findFirstOrThrow({ where: { customerId: c.customerId, productCode: "CONSERVAZIONE" }, select: { id: true } });
    await turnOnRenewal({ viewer, serviceId: conservazione.id, ceilingConsent: true });
    const consents = await db.ceilingConsent.count({ where: { customerId: c.customerId } });

    await expect(startOrderPayment({ viewer, orderId: c.order.id, card: { kind: "new" }, ceilingConsent: true, ceilingCents: 3038 }))
      .rejects.toMatchObject({ code: "ceiling_changed", ceilingCents: 7320 });
    expect(await db.ceilingConsent.count({ where: { customerId: c.customerId } })).toBe(consents);
    expect(await db.attempt.count({ where: { orderPayment: { customerId: c.customerId } } })).toBe(0); // nothing sent to the bank
  });
});
