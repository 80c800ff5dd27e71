/** Money is integer cents of EUR everywhere; this is the one place that turns it into text. */
const euro = new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" });

export function formatMoney(cents: number): string {
  return euro.format(cents / 100);
}

export const VAT_RATE_BPS = 2200;

/** VAT on a net amount, rounded half up to the cent (basis points avoid floating point). */
export function vatOn(netCents: number, rateBps: number = VAT_RATE_BPS): number {
  return Math.floor((netCents * rateBps + 5000) / 10000);
}

export function withVat(netCents: number, rateBps: number = VAT_RATE_BPS) {
  const vatCents = vatOn(netCents, rateBps);
  return { netCents, vatCents, totalCents: netCents + vatCents };
}
