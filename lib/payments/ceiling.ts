import { withVat } from "@/lib/money";

export type RenewingService = { id: string; renewalPriceCents: number; autoRenewal: boolean; autoRenewalAvailable: boolean };

/** At least one service renews automatically. */
export function hasActiveRenewal(services: Pick<RenewingService, "autoRenewal" | "autoRenewalAvailable">[]): boolean {
  return services.some((s) => s.autoRenewal && s.autoRenewalAvailable);
}

/**
 * The importo massimo prelevabile: the highest renewal price, VAT included (what will be
 * debited), among the customer's automatic renewals, counting those this payment turns on.
 */
export function ceilingAmountCents(services: RenewingService[], turningOn: string[] = []): number {
  const renewing = services.filter((s) => s.autoRenewalAvailable && (s.autoRenewal || turningOn.includes(s.id)));
  return renewing.reduce((max, s) => Math.max(max, withVat(s.renewalPriceCents).totalCents), 0);
}

export type CardChoice = { kind: "new" } | { kind: "saved"; cardId: string };

/**
 * The ceiling consent a payment of an order must record for its card, or null. Only a payment that
 * makes its card the renewal card touches the renewals: an account login (never a PEC mailbox's)
 * paying a product that renews automatically. It then needs a consent for that card covering the
 * highest renewal, this one included, unless the card already pays the renewals under a consent
 * that covers it. The consent is asked (the ceiling step, PRODUCT.md §3.5) when an automatic
 * renewal is already active; otherwise the checkout states the amount, and paying records it.
 * A card that will pay no renewal (Marca Temporale, Firma Digitale) gives no consent, so it never
 * displaces the renewal card's.
 */
export function renewalConsentFor(opts: {
  accountLogin: boolean;
  /** The order's service, when its product renews automatically. */
  renewingServiceId: string | null;
  card: CardChoice;
  renewalCardId: string | null;
  /** The ceiling in force for the renewal card (its newest consent), if any. */
  renewalCeilingCents: number | null;
  services: RenewingService[];
}): { amountCents: number; ask: boolean } | null {
  if (!opts.accountLogin || !opts.renewingServiceId) return null;
  const amountCents = ceilingAmountCents(opts.services, [opts.renewingServiceId]);
  const sameCard = opts.card.kind === "saved" && opts.card.cardId === opts.renewalCardId;
  if (sameCard && opts.renewalCeilingCents !== null && opts.renewalCeilingCents >= amountCents) return null;
  return { amountCents, ask: hasActiveRenewal(opts.services) };
}
