import "server-only";
import type { Debt } from "@/lib/attempts/types";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { lockCustomerCards } from "./lock";

const checkOf = (tx: Tx, attemptId: string) =>
  tx.cardVerification.findUniqueOrThrow({ where: { id: attemptId }, select: { customerId: true, forRenewals: true } });

/**
 * A zero-amount card check ("Aggiungi una carta"), as an attempt (lib/attempts). Success, under
 * the customer's lock: the card saved (token, brand, last four, expiry, holder), the ceiling
 * consent given for it bound to it, the renewal card if asked, audited. Nothing is charged, so a
 * check that settles nothing owes nothing back.
 */
export const cardCheckDebt: Debt = {
  async lock(tx, attemptId) {
    await lockCustomerCards(tx, (await checkOf(tx, attemptId)).customerId);
  },

  async settlesKey(_tx, attempt) {
    return `card-check:${attempt.id}`;
  },

  async succeed(tx, attempt, outcome) {
    const { customerId, forRenewals } = await checkOf(tx, attempt.id);
    const details = outcome.card;
    if (!details.token) throw new Error(`card check ${attempt.id} succeeded without a saved card`);
    const fields = { brand: details.brand, last4: details.last4, expMonth: details.expMonth, expYear: details.expYear, holder: details.holder };
    const card = await tx.card.upsert({
      where: { gatewayToken: details.token },
      create: { customerId, gatewayToken: details.token, ...fields, createdAt: now() },
      // The same card verified again (e.g. after removing it): back in the list, with its new expiry.
      update: { ...fields, removedAt: null },
      select: { id: true, customerId: true },
    });
    if (card.customerId !== customerId) throw new Error(`card token of another customer on card check ${attempt.id}`);
    await tx.cardVerification.update({ where: { id: attempt.id }, data: { cardId: card.id } });
    await tx.ceilingConsent.updateMany({ where: { attemptId: attempt.id, cardId: null }, data: { cardId: card.id } });
    if (forRenewals) await tx.customer.update({ where: { id: customerId }, data: { renewalCardId: card.id } });
    await writeAudit(tx, {
      actor: actorOf.customer(customerId), action: "card.added", entity: "customer", entityId: customerId,
      data: { verificationId: attempt.id, cardId: card.id, brand: details.brand, last4: details.last4, forRenewals }, ip: attempt.ip ?? undefined, userAgent: attempt.userAgent ?? undefined,
    });
  },

  async subject(tx, attempt) {
    const { customerId } = await checkOf(tx, attempt.id);
    return { actor: actorOf.customer(customerId), entity: "customer", entityId: customerId, prefix: "card.verification", data: { verificationId: attempt.id } };
  },
};
