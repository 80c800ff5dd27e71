import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { ceilingAmountCents, hasActiveRenewal } from "@/lib/payments/ceiling";
import { listCards } from "./queries";
import { getRenewalSetup } from "./renewal-setup";

/** One saved card of the viewer (never a removed one, never another customer's), or null. */
async function ownCard(viewer: Viewer, cardId: string) {
  if (!isUuid(cardId)) return null;
  const cards = await listCards(viewer.customerId);
  return { card: cards.find((c) => c.id === cardId) ?? null, cards };
}

/** The services whose automatic renewal the renewal card pays, by name (for the refusal). */
async function renewingServiceNames(customerId: string) {
  const services = await db.service.findMany({
    where: { customerId, status: { in: ["ACTIVE", "PENDING"] }, autoRenewal: true, product: { autoRenewalAvailable: true } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return services.map((s) => s.name);
}

/** "Usa per i rinnovi": the card, whether it already pays them, and the ceiling to authorise. */
export async function getRenewalCardChoice(viewer: Viewer, cardId: string) {
  const own = await ownCard(viewer, cardId);
  if (!own?.card) return null;
  const setup = await getRenewalSetup(viewer.customerId);
  const active = hasActiveRenewal(setup.renewing);
  return { card: own.card, isRenewalCard: setup.renewalCard?.id === cardId, ceilingCents: active ? ceilingAmountCents(setup.renewing) : null };
}

/**
 * "Rimuovi": what removing this card means. `blocked` when it pays active automatic renewals: the
 * customer must turn them off or, if there is one, move them to another card (with the ceiling).
 */
export async function getCardRemoval(viewer: Viewer, cardId: string) {
  const own = await ownCard(viewer, cardId);
  if (!own?.card) return null;
  const setup = await getRenewalSetup(viewer.customerId);
  const blocked = setup.renewalCard?.id === cardId && hasActiveRenewal(setup.renewing);
  return {
    card: own.card,
    blocked,
    renewingServices: blocked ? await renewingServiceNames(viewer.customerId) : [],
    otherCards: own.cards.filter((c) => c.id !== cardId),
    ceilingCents: blocked ? ceilingAmountCents(setup.renewing) : null,
  };
}

export type CardRemoval = NonNullable<Awaited<ReturnType<typeof getCardRemoval>>>;
