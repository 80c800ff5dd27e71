import { randomInt } from "node:crypto";
import { fiscalCodeCheck, vatNumberCheck } from "@/lib/tax-ids";

// Test customers get tax ids of the real shape with a correct check character, so that any
// validation of a codice fiscale or partita IVA (Paga fattura, Lista Pagamenti) accepts them.

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const pick = (chars: string) => chars[randomInt(chars.length)];
const digits = (n: number) => Array.from({ length: n }, () => pick("0123456789")).join("");

/** A random codice fiscale of a person, e.g. QAXKTW85C12H501?: "QA" marks test data. */
export function randomFiscalCode(): string {
  const first15 = `QA${Array.from({ length: 4 }, () => pick(LETTERS)).join("")}${digits(2)}${pick("ABCDEHLMPRST")}${String(randomInt(1, 29)).padStart(2, "0")}H501`;
  return first15 + fiscalCodeCheck(first15);
}

/** A random 11-digit number with a valid check digit: "8…" for the fiscal code of a public body, "0…" for a VAT number. */
export function randomElevenDigits(lead: "8" | "0"): string {
  const first10 = lead + digits(9);
  return first10 + vatNumberCheck(first10);
}
