// A support request is free text typed by anyone: a card number pasted into it must not reach the
// database, the staff or the acknowledgement e-mail (card numbers live only at the bank).

const CANDIDATE = /\d(?:[ -]?\d){12,18}/g;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const REDACTED_CARD = "[numero di carta rimosso]";

/** Replaces every 13–19 digit sequence (spaces or dashes allowed) that passes the Luhn check. */
export function redactCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (match) => (luhnValid(match.replace(/[ -]/g, "")) ? REDACTED_CARD : match));
}
