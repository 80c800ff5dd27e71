import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

const cardFields = { id: true, brand: true, last4: true, expMonth: true, expYear: true, holder: true } as const;

/** The customer's saved cards (never removed ones), newest first. */
export async function listCards(customerId: string) {
  return db.card.findMany({ where: { customerId, removedAt: null }, select: cardFields, orderBy: { createdAt: "desc" } });
}

export type SavedCard = Awaited<ReturnType<typeof listCards>>[number];

/** "Visa •••• 4242": how a card is named everywhere, pages and e-mails. */
export function cardLabel(card: { brand: string; last4: string }): string {
  return `${card.brand} •••• ${card.last4}`;
}

export function cardExpiry(card: { expMonth: number; expYear: number }): string {
  return `${String(card.expMonth).padStart(2, "0")}/${String(card.expYear % 100).padStart(2, "0")}`;
}

/** The outcome of one of the viewer's card verifications, for Metodi di pagamento; null if not theirs. */
export async function getVerificationResult(customerId: string, verificationId: string) {
  if (!isUuid(verificationId)) return null;
  const v = await db.cardVerification.findFirst({
    where: { id: verificationId, customerId },
    select: { id: true, forRenewals: true, card: { select: { brand: true, last4: true } }, attempt: { select: { status: true, failureReason: true } } },
  });
  return v && { id: v.id, forRenewals: v.forRenewals, card: v.card, status: v.attempt.status, failureReason: v.attempt.failureReason };
}

/** Any card of the customer, removed ones too (to confirm what was just done to it). */
export async function findOwnCardLabel(customerId: string, cardId: string) {
  if (!isUuid(cardId)) return null;
  const card = await db.card.findFirst({ where: { id: cardId, customerId }, select: { brand: true, last4: true } });
  return card ? cardLabel(card) : null;
}
