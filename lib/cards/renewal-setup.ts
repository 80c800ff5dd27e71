import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { RenewingService } from "@/lib/payments/ceiling";

/** The ceiling in force for one card: its newest consent (PRODUCT.md §3.5), or null. */
export function ceilingInForce(tx: Tx, customerId: string, cardId: string) {
  return tx.ceilingConsent.findFirst({
    where: { customerId, cardId },
    select: { id: true, amountCents: true, cardId: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * What automatic renewals of one customer stand on: the card that pays them, the ceiling in force
 * for that card (a consent given for another card, e.g. one that paid a Marca Temporale, never
 * counts) and the services that renew or could. Shared by the renewal switch, the card pages, the
 * checkout and the renewal engine.
 */
export async function getRenewalSetup(customerId: string, tx: Tx = db) {
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { renewalCard: { select: { id: true, brand: true, last4: true, expMonth: true, expYear: true, removedAt: true } } },
  });
  const renewalCard = customer.renewalCard && !customer.renewalCard.removedAt ? customer.renewalCard : null;
  const ceiling = renewalCard ? await ceilingInForce(tx, customerId, renewalCard.id) : null;
  const services = await tx.service.findMany({
    where: { customerId, status: { in: ["ACTIVE", "PENDING"] } },
    select: { id: true, renewalPriceCents: true, autoRenewal: true, product: { select: { autoRenewalAvailable: true } } },
  });
  const renewing: RenewingService[] = services.map((s) => ({ id: s.id, renewalPriceCents: s.renewalPriceCents, autoRenewal: s.autoRenewal, autoRenewalAvailable: s.product.autoRenewalAvailable }));
  return { renewalCard, ceiling, renewing };
}

export type RenewalSetup = Awaited<ReturnType<typeof getRenewalSetup>>;

/** The ceiling in force belongs to the renewal card and covers `amountCents` (VAT included). */
export function ceilingCovers(setup: { renewalCard: { id: string } | null; ceiling: { cardId: string | null; amountCents: number } | null }, amountCents: number): boolean {
  return !!setup.renewalCard && !!setup.ceiling && setup.ceiling.cardId === setup.renewalCard.id && amountCents <= setup.ceiling.amountCents;
}

/**
 * The renewal card of each customer (saved, not removed; with its token, for the bank only) and
 * the ceiling in force for it, for many customers at once: the renewal engine's off-session
 * charges. The same rules as `getRenewalSetup` and `ceilingInForce`: the card's own newest consent.
 */
export async function getRenewalCards(tx: Tx, customerIds: string[]) {
  const customers = await tx.customer.findMany({
    where: { id: { in: customerIds } },
    select: { id: true, renewalCard: { select: { id: true, expMonth: true, expYear: true, removedAt: true, gatewayToken: true } } },
  });
  const cards = customers.flatMap((c) => (c.renewalCard && !c.renewalCard.removedAt ? [{ customerId: c.id, card: c.renewalCard }] : []));
  const consents = cards.length
    ? await tx.ceilingConsent.findMany({
        where: { customerId: { in: cards.map((c) => c.customerId) }, cardId: { in: cards.map((c) => c.card.id) } },
        select: { id: true, amountCents: true, cardId: true, createdAt: true, customerId: true },
        orderBy: { createdAt: "desc" },
      })
    : [];
  return new Map(cards.map(({ customerId, card }) => {
    const ceiling = consents.find((k) => k.customerId === customerId && k.cardId === card.id) ?? null;
    return [customerId, { renewalCard: card, ceiling }];
  }));
}

/**
 * Records a consent to future debits up to `amountCents` (append-only; the newest for a card is
 * in force for it), with the card it belongs to, or the attempt (a payment, a card check) whose
 * success brings that card and binds the consent to it.
 */
export async function recordCeilingConsent(
  tx: Tx,
  c: { customerId: string; amountCents: number; cardId?: string; attemptId?: string; ip?: string; userAgent?: string },
) {
  const consent = await tx.ceilingConsent.create({
    data: { customerId: c.customerId, cardId: c.cardId, attemptId: c.attemptId, amountCents: c.amountCents, ip: c.ip, userAgent: c.userAgent, createdAt: now() },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor: actorOf.customer(c.customerId), action: "ceiling.authorized", entity: "customer", entityId: c.customerId,
    data: { amountCents: c.amountCents, cardId: c.cardId ?? "new", ...(c.attemptId ? { attemptId: c.attemptId } : {}) },
    ip: c.ip, userAgent: c.userAgent,
  });
  return consent;
}
