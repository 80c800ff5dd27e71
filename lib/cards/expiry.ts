/** The renewal engine charges a service this many days before it expires (PRODUCT.md §5). */
export const RENEWAL_LEAD_DAYS = 7;

/** A card works until the last moment of its expiry month (UTC is close enough for a warning). */
export function cardValidUntil(card: { expMonth: number; expYear: number }): Date {
  return new Date(Date.UTC(card.expYear, card.expMonth, 1) - 1);
}

/** When the next automatic renewal will be charged: a week before the earliest renewing expiry. */
export function nextRenewalCharge(expiries: Date[]): Date | null {
  if (expiries.length === 0) return null;
  const earliest = Math.min(...expiries.map((d) => d.getTime()));
  return new Date(earliest - RENEWAL_LEAD_DAYS * 24 * 60 * 60 * 1000);
}

/** The renewal card expires before the renewal it must pay: the customer must be warned. */
export function expiresBeforeRenewal(card: { expMonth: number; expYear: number }, renewalCharge: Date | null): boolean {
  return renewalCharge !== null && cardValidUntil(card) < renewalCharge;
}
