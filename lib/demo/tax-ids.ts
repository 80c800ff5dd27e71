import { randomInt } from "node:crypto";

// Test customers get tax ids of the real shape with a correct check character, so that any
// validation of a codice fiscale or partita IVA (Paga fattura, Lista Pagamenti) accepts them.

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// Values of a character in an odd (1st, 3rd…) position, for digits 0–9 and letters A–Z alike.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charValue(c: string): number {
  return /[0-9]/.test(c) ? Number(c) : LETTERS.indexOf(c);
}

/** The 16th character of a codice fiscale of a person. */
export function fiscalCodeCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? ODD[charValue(first15[i])] : charValue(first15[i]);
  return LETTERS[sum % 26];
}

/** The 11th digit of a partita IVA (also of the numeric codice fiscale of a public body). */
export function vatNumberCheck(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

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
