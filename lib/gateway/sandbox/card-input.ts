/**
 * What the customer types on the bank's card form, and how it is checked. Shared by the form in
 * the browser (instant messages) and the server action (the real check): no server-only imports.
 * A mistake here is not a decline: the form says what is wrong and lets the customer fix it.
 */
import { z } from "zod";
import { now } from "@/lib/clock";
import { passesLuhn } from "@/lib/security/card-numbers";

export { passesLuhn };

export type CardBrand = "Visa" | "Mastercard" | "American Express";

/** The number without the spaces or dashes people type between groups of digits. */
export function cardDigits(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

/** The circuit, from the first digits; null for circuits this bank does not accept. */
export function brandOf(digits: string): CardBrand | null {
  if (/^4/.test(digits)) return "Visa";
  if (/^3[47]/.test(digits)) return "American Express";
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return "Mastercard";
  return null;
}

/** "MM/AA" (also "MM/AAAA", "MMAA", spaces allowed) → month and four-digit year. */
export function parseExpiry(raw: string): { expMonth: number; expYear: number } | null {
  const m = /^\s*(\d{2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(raw);
  if (!m) return null;
  const expMonth = Number(m[1]);
  const expYear = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return expMonth >= 1 && expMonth <= 12 ? { expMonth, expYear } : null;
}

const romeMonth = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Rome", year: "numeric", month: "numeric" });

/** A card is valid through the last day of its expiry month (Italian time). */
export function isExpired(expiry: { expMonth: number; expYear: number }, at: Date = now()): boolean {
  const parts = Object.fromEntries(romeMonth.formatToParts(at).map((p) => [p.type, p.value]));
  const current = Number(parts.year) * 12 + Number(parts.month);
  return expiry.expYear * 12 + expiry.expMonth < current;
}

function numberProblem(raw: string): string | null {
  const digits = cardDigits(raw);
  if (!digits) return "Inserisci il numero della carta.";
  if (!/^\d+$/.test(digits)) return "Il numero della carta può contenere solo cifre.";
  if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) return "Il numero della carta non è valido: controlla le cifre.";
  if (!brandOf(digits)) return "Sono accettate solo carte Visa, Mastercard e American Express.";
  return null;
}

function expiryProblem(raw: string): string | null {
  if (!raw.trim()) return "Inserisci la scadenza della carta.";
  const expiry = parseExpiry(raw);
  if (!expiry) return "Scrivi la scadenza come MM/AA, per esempio 08/29.";
  if (isExpired(expiry)) return "La carta risulta scaduta: controlla la data o usa un'altra carta.";
  if (expiry.expYear > now().getUTCFullYear() + 20) return "La scadenza non è valida: controlla la data.";
  return null;
}

function cvvProblem(raw: string): string | null {
  if (!raw.trim()) return "Inserisci il CVV.";
  return /^\d{3,4}$/.test(raw.trim()) ? null : "Il CVV è di 3 o 4 cifre, sul retro della carta.";
}

function holderProblem(raw: string): string | null {
  const holder = raw.trim();
  if (!holder) return "Inserisci il nome dell'intestatario.";
  return /^[\p{L}][\p{L}' .-]{1,59}$/u.test(holder) ? null : "Scrivi il nome come riportato sulla carta (solo lettere).";
}

const field = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/**
 * The card form. Its output keeps what the bank needs to decide and to remember (the digits only
 * until the fingerprint is computed); the CVV is checked for shape and dropped here.
 */
export const cardDetailsInput = z
  .object({ number: field(numberProblem), expiry: field(expiryProblem), cvv: field(cvvProblem), holder: field(holderProblem) })
  .transform(({ number, expiry, holder }) => ({
    digits: cardDigits(number),
    ...(parseExpiry(expiry) as { expMonth: number; expYear: number }),
    holder: holder.trim().replace(/\s+/g, " "),
  }));

export type CardDetailsForm = z.input<typeof cardDetailsInput>;
export type CardDetailsEntered = z.output<typeof cardDetailsInput>;

/** The 3-D Secure code: six digits; anything else is a typing error, not a failed attempt. */
export const otpInput = z.object({
  otp: z.string().trim().regex(/^\d{6}$/, "Il codice OTP è di 6 cifre."),
});
