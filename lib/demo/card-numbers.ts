/** The test card numbers of PRODUCT.md §4, and the Mastercard the e2e suite also types, digits only. */
export const TEST_CARD_NUMBERS = ["4242424242424242", "4000000000000002", "4000000000009995", "4000000000000069", "4000002760003184", "4000000000000341", "5555555555554444"];

/** Finds any of them, also written with spaces or dashes between the digits. */
export function cardNumberPattern(numbers: string[] = TEST_CARD_NUMBERS): RegExp {
  return new RegExp(numbers.map((n) => n.split("").join("[ -]?")).join("|"));
}
