/**
 * Card numbers (PAN) as text: the Luhn check the bank applies, and the filter that keeps them out
 * of anything we write (logs). Card data is typed only on the bank's page; these are the guards.
 */

/** The Luhn (mod 10) check digit rule every card number satisfies. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const PAN_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

/** The text with every Luhn-valid run of 13–19 digits (spaces or dashes allowed) replaced. */
export function withoutCardNumbers(text: string): string {
  return text.replace(PAN_CANDIDATE, (match) => (passesLuhn(match.replace(/[ -]/g, "")) ? "[card number removed]" : match));
}
