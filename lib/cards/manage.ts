import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { ceilingAmountCents, hasActiveRenewal } from "@/lib/payments/ceiling";
import { switchOffRenewals } from "@/lib/services/renewal-switch";
import { CardError } from "./errors";
import { lockCustomerCards } from "./lock";
import { getRenewalSetup, recordCeilingConsent } from "./renewal-setup";

type Client = { ip?: string; userAgent?: string };
/** The ceiling the customer saw and accepted: recorded only if it is still the one that applies. */
type Consent = { ceilingConsent: boolean; ceilingCents?: number };

async function findOwnCard(tx: Tx, customerId: string, cardId: string, missing: CardError["code"] = "card_not_found") {
  if (!isUuid(cardId)) throw new CardError(missing);
  const card = await tx.card.findFirst({ where: { id: cardId, customerId, removedAt: null }, select: { id: true, brand: true, last4: true } });
  if (!card) throw new CardError(missing);
  return card;
}

/**
 * Makes `cardId` the card that pays the renewals, in the caller's transaction. While an automatic
 * renewal is active this replaces the payment method, so the ceiling consent is required and
 * recorded with the new card (PRODUCT.md §3.5). Returns false when it already was.
 */
async function moveRenewals(tx: Tx, opts: { customerId: string; cardId: string } & Consent & Client): Promise<boolean> {
  const setup = await getRenewalSetup(opts.customerId, tx);
  if (setup.renewalCard?.id === opts.cardId) return false;
  if (hasActiveRenewal(setup.renewing)) {
    const amountCents = ceilingAmountCents(setup.renewing);
    if (!opts.ceilingConsent) throw new CardError("ceiling_consent_required");
    if (opts.ceilingCents !== amountCents) throw new CardError("ceiling_changed");
    await recordCeilingConsent(tx, { customerId: opts.customerId, cardId: opts.cardId, amountCents, ip: opts.ip, userAgent: opts.userAgent });
  }
  await tx.customer.update({ where: { id: opts.customerId }, data: { renewalCardId: opts.cardId } });
  await writeAudit(tx, {
    actor: actorOf.customer(opts.customerId), action: "card.renewal_card_set", entity: "customer", entityId: opts.customerId,
    data: { cardId: opts.cardId, previousCardId: setup.renewalCard?.id ?? null }, ip: opts.ip, userAgent: opts.userAgent,
  });
  return true;
}

/** "Usa per i rinnovi": the chosen saved card pays the automatic renewals from now on. */
export async function setRenewalCard(opts: { viewer: Viewer; cardId: string } & Consent & Client): Promise<{ changed: boolean }> {
  if (opts.viewer.pecServiceId) throw new CardError("account_login_required");
  const customerId = opts.viewer.customerId;
  return db.$transaction(async (tx) => {
    await lockCustomerCards(tx, customerId);
    const card = await findOwnCard(tx, customerId, opts.cardId);
    return { changed: await moveRenewals(tx, { ...opts, customerId, cardId: card.id }) };
  });
}

export type RemovalChoice =
  | { kind: "remove" }
  | { kind: "switch-off" }
  | ({ kind: "replace"; replacementCardId: string } & Consent);

/**
 * "Rimuovi": soft removal (`removedAt`), in one transaction with its consequences. The card that
 * pays active automatic renewals is refused (`renewal_card_in_use`) unless the customer turns the
 * renewals off or moves them to another saved card, with the ceiling consent, in the same step.
 * Nothing is detached at the bank: the sandbox interface has no such call; the token is unused.
 */
export async function removeCard(opts: { viewer: Viewer; cardId: string; choice: RemovalChoice } & Client) {
  if (opts.viewer.pecServiceId) throw new CardError("account_login_required");
  const customerId = opts.viewer.customerId;
  const client = { ip: opts.ip, userAgent: opts.userAgent };
  return db.$transaction(async (tx) => {
    await lockCustomerCards(tx, customerId);
    const card = await findOwnCard(tx, customerId, opts.cardId);
    const setup = await getRenewalSetup(customerId, tx);
    const isRenewalCard = setup.renewalCard?.id === card.id;
    let renewalsTurnedOff = 0;
    let replacementCardId: string | null = null;
    if (isRenewalCard && hasActiveRenewal(setup.renewing)) {
      if (opts.choice.kind === "remove") throw new CardError("renewal_card_in_use");
      if (opts.choice.kind === "switch-off") {
        renewalsTurnedOff = await switchOffRenewals(tx, { customerId, actor: actorOf.customer(customerId), ...client });
      } else {
        if (opts.choice.replacementCardId === card.id) throw new CardError("replacement_not_found");
        const replacement = await findOwnCard(tx, customerId, opts.choice.replacementCardId, "replacement_not_found");
        await moveRenewals(tx, { customerId, cardId: replacement.id, ceilingConsent: opts.choice.ceilingConsent, ceilingCents: opts.choice.ceilingCents, ...client });
        replacementCardId = replacement.id;
      }
    }
    const removed = await tx.card.updateMany({ where: { id: card.id, customerId, removedAt: null }, data: { removedAt: now() } });
    if (removed.count === 0) throw new CardError("card_not_found");
    if (isRenewalCard && !replacementCardId) await tx.customer.update({ where: { id: customerId }, data: { renewalCardId: null } });
    await writeAudit(tx, {
      actor: actorOf.customer(customerId), action: "card.removed", entity: "customer", entityId: customerId,
      data: { cardId: card.id, wasRenewalCard: isRenewalCard, renewalsTurnedOff, replacementCardId }, ...client,
    });
    return { card, renewalsTurnedOff, replacementCardId };
  });
}
