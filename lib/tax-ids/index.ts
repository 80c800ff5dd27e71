// Codice fiscale and partita IVA: the Agenzia delle Entrate's check characters, and the checks of
// shape and check character built on them. Not a library: the ones on npm either ship the whole
// table of Italian municipalities into the browser (this check runs in the Paga fattura form too)
// or reject valid numbers by extra rules (a partita IVA's office code); the two algorithms are a
// few lines each, and tested. The test customers' generator (lib/demo/tax-ids) uses them too.

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// Value of a character in an odd position (1st, 3rd…, counting from 1), digits 0–9 as letters A–J.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
// Digits may be replaced by L–V (omocodia) in the date and place parts.
const D = "[0-9LMNPQRSTUV]";
const PERSON = new RegExp(`^[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]$`);

const valueOf = (c: string) => (c >= "0" && c <= "9" ? Number(c) : LETTERS.indexOf(c));

/** The 16th character of a codice fiscale of a person, from its first 15. */
export function fiscalCodeCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? ODD[valueOf(first15[i])] : valueOf(first15[i]);
  return LETTERS[sum % 26];
}

/** The 11th digit of a partita IVA (also of the numeric codice fiscale of a public body), from its first 10. */
export function vatNumberCheck(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The 16-character codice fiscale of a person (omocodia included), with its check character. */
export function isFiscalCode(value: string): boolean {
  return PERSON.test(value) && fiscalCodeCheck(value) === value[15];
}

/** An 11-digit partita IVA (or the numeric codice fiscale of a company or public body), with its check digit. */
export function isVatNumber(value: string): boolean {
  return /^\d{11}$/.test(value) && !/^0{7}/.test(value) && vatNumberCheck(value) === value[10];
}

/** As typed: spaces dropped, upper case, an "IT" before a partita IVA dropped. */
export function normalizeTaxId(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

export function isTaxId(value: string): boolean {
  return isFiscalCode(value) || isVatNumber(value);
}
