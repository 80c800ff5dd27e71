import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { saveSandboxCard } from "@/lib/demo/sandbox-cards";
import { seedDemoData } from "@/lib/demo/seed";
import { getGateway } from "@/lib/gateway";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { ceilingInForce } from "@/lib/cards/renewal-setup";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { savedCardCustomer } from "@/tests/attempts";
import { interceptGateway } from "@/tests/gateway-faults";
import { reconcileAttempts, settleSuccess } from ".";
import { SETTLE_FAILURES_BEFORE_REFUND } from "./settle";

const db = getDb();

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});
beforeEach(() => setClock(new Date()));
afterEach(() => resetClock());

const attemptsOf = (orderId: string) => db.attempt.findMany({ where: { orderPayment: { orderId } }, orderBy: { createdAt: "asc" } });
const orderStatus = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

describe("a success the area cannot record", () => {
  it("is asked about again a few times, then given back rather than kept without a record, and the order can be paid", async () => {
    const c = await savedCardCustomer();
    // A defect: the bank's answer names a card the area holds for another customer, which the order refuses.
    const other = await savedCardCustomer();
    const stranger = await db.card.findUniqueOrThrow({ where: { id: other.cardId }, select: { gatewayToken: true } });
    const restore = interceptGateway((bank) => {
      const wrongCard = async <T>(outcome: Promise<T>) => {
        const o = (await outcome) as { status: string; card?: object };
        return (o.status === "succeeded" ? { ...o, card: { ...o.card, token: stranger.gatewayToken } } : o) as T;
      };
      return { chargeSavedCard: (input) => wrongCard(bank.chargeSavedCard(input)), getOutcome: (ref) => wrongCard(bank.getOutcome(ref)) };
    });
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    for (let run = 0; run < SETTLE_FAILURES_BEFORE_REFUND + 1; run++) {
      advanceClock(31_000);
      await reconcileAttempts(now().getTime());
    }
    const [attempt] = await attemptsOf(c.order.id);
    expect(attempt).toMatchObject({ status: "FAILED", activeKey: null, refundReason: "settles_nothing", refundedCents: 1098 });
    expect(attempt.settleFailures).toBeGreaterThanOrEqual(SETTLE_FAILURES_BEFORE_REFUND);
    expect(await orderStatus(c.order.id)).toBe("AWAITING_PAYMENT");
    restore();
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    expect(await orderStatus(c.order.id)).toBe("PAID");
  });
});

describe("a second capture for an attempt that already paid its order", () => {
  it("is given back, and the first one kept", async () => {
    const c = await savedCardCustomer();
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: c.cardId }, ceilingConsent: false });
    const [paid] = await attemptsOf(c.order.id);
    expect(paid.status).toBe("SUCCEEDED");
    // The bank reports another capture for the same attempt.
    const { gatewayToken } = await db.card.findUniqueOrThrow({ where: { id: c.cardId }, select: { gatewayToken: true } });
    const second = await getGateway().chargeSavedCard({
      cardToken: gatewayToken, merchantCustomerRef: c.customerId, description: "Ordine", amountCents: 1098, currency: "EUR", merchantRef: paid.id, idempotencyKey: `second-${paid.id}`, initiator: "MIT",
    });
    if (second.status !== "succeeded") throw new Error(`expected a second capture, got ${second.status}`);
    await settleSuccess(paid.id, second);
    await settleSuccess(paid.id, second);
    const after = await db.attempt.findUniqueOrThrow({ where: { id: paid.id } });
    expect(after).toMatchObject({ status: "SUCCEEDED", gatewayChargeId: paid.gatewayChargeId, refundChargeId: second.chargeId, refundedCents: 1098 });
    expect(await db.gwRefund.count({ where: { chargeId: second.chargeId } })).toBe(1);
    expect(await db.gwRefund.count({ where: { chargeId: paid.gatewayChargeId! } })).toBe(0);
    expect(await orderStatus(c.order.id)).toBe("PAID");
  });
});

describe("a saved card and its payment", () => {
  it("a card removed while it was paying pays the order, but never becomes the renewal card", async () => {
    const c = await savedCardCustomer();
    const other = await db.$transaction((tx) => saveSandboxCard(tx, { customerId: c.customerId, number: "5555555555554444", holder: "Cliente QA", expMonth: 12, expYear: now().getUTCFullYear() + 2 }));
    interceptGateway((bank) => ({
      async chargeSavedCard(input) {
        await db.card.update({ where: { id: other.id }, data: { removedAt: now() } }); // "Rimuovi", in another tab
        return bank.chargeSavedCard(input);
      },
    }));
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: other.id }, ceilingConsent: true, ceilingCents: 3038 });
    expect(await orderStatus(c.order.id)).toBe("PAID");
    const account = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
    expect(account.renewalCardId).toBe(c.cardId);
    expect(await ceilingInForce(db, c.customerId, other.id)).toBeNull();
  });

  it("the ceiling consented for a payment that is then declined never comes into force", async () => {
    const c = await savedCardCustomer();
    const declining = await db.$transaction((tx) => saveSandboxCard(tx, { customerId: c.customerId, number: "4000000000000341", holder: "Cliente QA", expMonth: 12, expYear: now().getUTCFullYear() + 2 }));
    await startOrderPayment({ viewer: c.viewer, orderId: c.order.id, card: { kind: "saved", cardId: declining.id }, ceilingConsent: true, ceilingCents: 3038 });
    expect(await orderStatus(c.order.id)).toBe("AWAITING_PAYMENT");
    expect(await db.ceilingConsent.findFirst({ where: { customerId: c.customerId, cardId: null }, select: { amountCents: true } })).toEqual({ amountCents: 3038 });
    expect(await ceilingInForce(db, c.customerId, declining.id)).toBeNull();
  });
});
