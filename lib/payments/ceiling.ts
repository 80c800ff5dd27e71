import { withVat } from "@/lib/money";

export type RenewingService = { id: string; renewalPriceCents: number; autoRenewal: boolean; autoRenewalAvailable: boolean };

/**
 * PRODUCT.md §3.5: the ceiling step appears only when a payment method is being added or
 * replaced and the customer already has a service with automatic renewal active. Paying with a
 * saved card that is not the current renewal card replaces the renewal card.
 */
export function ceilingStepApplies(opts: {
  card: { kind: "new" } | { kind: "saved"; cardId: string };
  renewalCardId: string | null;
  services: RenewingService[];
}): boolean {
  const hasActiveRenewal = opts.services.some((s) => s.autoRenewal && s.autoRenewalAvailable);
  const changesMethod = opts.card.kind === "new" || opts.card.cardId !== opts.renewalCardId;
  return hasActiveRenewal && changesMethod;
}

/**
 * The importo massimo prelevabile: the highest renewal price, VAT included (what will be
 * debited), among the customer's automatic renewals, counting those this payment turns on.
 */
export function ceilingAmountCents(services: RenewingService[], turningOn: string[] = []): number {
  const renewing = services.filter((s) => s.autoRenewalAvailable && (s.autoRenewal || turningOn.includes(s.id)));
  return renewing.reduce((max, s) => Math.max(max, withVat(s.renewalPriceCents).totalCents), 0);
}
