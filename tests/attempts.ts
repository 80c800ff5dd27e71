import { activeKeyOf, createAttempt } from "@/lib/attempts";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import type { PaymentStatus } from "@/lib/db/generated/enums";

/**
 * An order attempt written straight into the database, as a server that died mid-way would leave
 * it (SENT, holding the order, maybe with nothing at the bank): for the tests of what comes after.
 */
export async function strandedOrderAttempt(o: { customerId: string; orderId: string; cardId: string; amountCents: number; status?: PaymentStatus; at?: Date }) {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const a = await createAttempt(tx, { purpose: "ORDER", amountCents: o.amountCents, activeKey: activeKeyOf.order(o.orderId) });
    await tx.payment.create({ data: { id: a.id, orderId: o.orderId, customerId: o.customerId, method: "SAVED_CARD", cardId: o.cardId } });
    await tx.attempt.update({ where: { id: a.id }, data: { status: o.status ?? "SENT", sentAt: o.at ?? new Date(), updatedAt: o.at ?? new Date() } });
    return a;
  });
}

/** A customer shaped like mario.rossi with a saved card that pays the renewals, and their viewer. */
export async function savedCardCustomer(card: "4242" | "3184" | "0341" = "4242") {
  const c = await createTestCustomer({ kind: "saved-card", card });
  const { renewalCardId } = await getDb().customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
  return { ...c, viewer: { customerId: c.customerId, username: c.username }, cardId: renewalCardId! };
}
