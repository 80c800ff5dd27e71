import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import type { SavedCardChargeInput } from "@/lib/gateway";
import { signNotification } from "@/lib/gateway/sandbox/signing";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { reconcileAttempts, receiveGatewayNotification } from "@/lib/attempts";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { savedCardCustomer } from "@/tests/attempts";
import { interceptGateway } from "@/tests/gateway-faults";

const db = getDb();

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});
beforeEach(() => setClock(new Date()));
afterEach(() => resetClock());

/**
 * Pays the order with the saved card while the bank never answers the call: the attempt stays SENT
 * with nothing at the bank (yet). Returns what was sent, to land it at the bank later.
 */
async function payWithoutAnswer(c: Awaited<ReturnType<typeof savedCardCustomer>>): Promise<SavedCardChargeInput> {
  let sent: SavedCardChargeInput | undefined;
  const back = interceptGateway(() => ({
    async chargeSavedCard(input) {
      sent = input;
      throw new Error("connection reset by the acquirer");
    },
  }));
  await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false }).finally(back);
  if (!sent) throw new Error("the bank was not called");
  return sent;
}

const reconcile = () => reconcileAttempts(now().getTime());
const orderStatus = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

function signed(body: object) {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(now().getTime() / 1000));
  return { raw, headers: new Headers({ "content-type": "application/json", "x-gateway-timestamp": ts, "x-gateway-signature": signNotification(ts, raw) }) };
}

describe("issue 11, defect 1: a late success after an attempt closed as not sent is refunded once", () => {
  it("the bank's late charge is found by the notification and the reconciliation, refunded once, and the order is not paid by it", async () => {
    const c = await savedCardCustomer();
    // The bank never answers the first call: the attempt stays SENT with nothing at the bank yet.
    const sent = await payWithoutAnswer(c);

    // A minute later the bank still knows nothing of it: closed as "not sent".
    advanceClock(61_000);
    await reconcile();
    expect(await orderStatus(c.order.id)).toBe("AWAITING_PAYMENT");

    // ...and then the slow request lands at the bank after all: the money is taken.
    const { getGateway } = await import("@/lib/gateway");
    const late = await getGateway().chargeSavedCard(sent);
    expect(late.status).toBe("succeeded");
    const chargeId = (late as { chargeId: string }).chargeId;

    // The bank tells the area, and the janitor keeps asking: the charge is given back, once.
    const { raw, headers } = signed({ id: `evt_late_${chargeId}`, kind: "charge", ref: chargeId, merchantRef: sent.merchantRef, status: "succeeded" });
    await receiveGatewayNotification(raw, headers);
    advanceClock(31_000);
    await reconcile();
    advanceClock(31_000);
    await reconcile();
    expect(await db.gwRefund.findMany({ where: { chargeId }, select: { amountCents: true } })).toEqual([{ amountCents: late.status === "succeeded" ? late.amountCents : 0 }]);
    expect(await orderStatus(c.order.id)).toBe("AWAITING_PAYMENT");
  });
});

describe("the bank's own word about an attempt closed long ago", () => {
  it("a signed notification of a success, after the window the janitor keeps asking in, is still refunded once", async () => {
    const c = await savedCardCustomer();
    const sent = await payWithoutAnswer(c);
    advanceClock(61_000);
    await reconcile();
    // Long after the bank could have completed it (a bank that lies, or a very late one):
    advanceClock(2 * 60 * 60_000);
    const { getGateway } = await import("@/lib/gateway");
    const late = await getGateway().chargeSavedCard(sent);
    const chargeId = (late as { chargeId: string }).chargeId;
    await reconcile();
    expect(await db.gwRefund.count({ where: { chargeId } })).toBe(0); // the janitor no longer asks
    const { raw, headers } = signed({ id: `evt_very_late_${chargeId}`, kind: "charge", ref: chargeId, merchantRef: sent.merchantRef, status: "succeeded" });
    expect(await receiveGatewayNotification(raw, headers)).toBe("accepted");
    expect(await receiveGatewayNotification(raw, headers)).toBe("duplicate");
    expect(await db.gwRefund.count({ where: { chargeId } })).toBe(1);
    expect(await orderStatus(c.order.id)).toBe("AWAITING_PAYMENT");
  });
});

describe("issue 11, defect 10: order settlement compares the amount the bank captured with the attempt's", () => {
  it("a capture of another amount does not pay the order and is refunded", async () => {
    const c = await savedCardCustomer();
    // The acquirer captures 10,00 € for an attempt of 10,98 €.
    const restore = interceptGateway((bank) => ({ chargeSavedCard: (input) => bank.chargeSavedCard({ ...input, amountCents: input.amountCents - 98 }) }));
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    restore();
    advanceClock(31_000);
    await reconcile();
    expect(await orderStatus(c.order.id)).toBe("AWAITING_PAYMENT");
    const charge = await db.gwCharge.findFirstOrThrow({ where: { cardToken: { not: null }, amountCents: 1000, refunds: { some: {} } }, select: { refundedCents: true } });
    expect(charge.refundedCents).toBe(1000);
  });
});
