import "server-only";
import { db } from "@/lib/db";

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
