import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { expiresBeforeRenewal, nextRenewalCharge } from "./expiry";
import { listCards } from "./queries";

/**
 * Metodi di pagamento: the saved cards, which one pays the renewals (with a warning when it
 * expires before the next renewal it must pay), the ceiling in force and every authorisation.
 */
export async function getPaymentMethods(viewer: Viewer) {
  const [cards, customer, renewing, consents] = await Promise.all([
    listCards(viewer.customerId),
    db.customer.findUniqueOrThrow({ where: { id: viewer.customerId }, select: { renewalCardId: true } }),
    db.service.findMany({
      where: { customerId: viewer.customerId, status: "ACTIVE", autoRenewal: true, product: { autoRenewalAvailable: true }, expiresAt: { not: null } },
      select: { expiresAt: true },
    }),
    db.ceilingConsent.findMany({
      where: { customerId: viewer.customerId, cardId: { not: null } },
      select: { id: true, amountCents: true, createdAt: true, card: { select: { brand: true, last4: true, removedAt: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const renewalCharge = nextRenewalCharge(renewing.map((s) => s.expiresAt!));
  return {
    cards: cards.map((c) => {
      const paysRenewals = c.id === customer.renewalCardId;
      return { ...c, paysRenewals, expiresBeforeRenewal: paysRenewals && expiresBeforeRenewal(c, renewalCharge) };
    }),
    renewalCharge,
    // The newest consent is in force while its card is saved; a removed card carries no ceiling.
    ceiling: consents[0] && !consents[0].card?.removedAt ? consents[0] : null,
    consents,
  };
}

export type PaymentMethods = Awaited<ReturnType<typeof getPaymentMethods>>;
