import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { brandOf, cardDetailsInput, isExpired, otpInput, parseExpiry, passesLuhn } from "./card-input";

beforeEach(() => setClock(new Date("2026-11-25T10:00:00.000Z")));
afterEach(() => resetClock());

const form = { number: "4242 4242 4242 4242", expiry: "08/29", cvv: "123", holder: "Mario Rossi" };
const errorsOf = (values: Partial<typeof form>) => {
  const result = cardDetailsInput.safeParse({ ...form, ...values });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]));
};

describe("card checks", () => {
  it("Luhn", () => {
    expect(["4242424242424242", "4000002760003184", "378282246310005", "5555555555554444"].every(passesLuhn)).toBe(true);
    expect(["4242424242424241", "1234567812345678", "42a2", ""].some(passesLuhn)).toBe(false);
  });

  it("brand from the first digits", () => {
    expect(["4111", "51", "55", "2221", "2720", "34", "37", "2720999", "56", "2721", "6011", "35"].map(brandOf)).toEqual([
      "Visa", "Mastercard", "Mastercard", "Mastercard", "Mastercard", "American Express", "American Express", "Mastercard", null, null, null, null,
    ]);
  });

  it("expiry MM/AA, valid through the end of its month in Italy", () => {
    expect(parseExpiry("08/29")).toEqual({ expMonth: 8, expYear: 2029 });
    expect(parseExpiry(" 1 2/2030")).toBeNull();
    expect(parseExpiry("12 / 2030")).toEqual({ expMonth: 12, expYear: 2030 });
    expect(parseExpiry("0829")).toEqual({ expMonth: 8, expYear: 2029 });
    expect(parseExpiry("13/29")).toBeNull();
    expect(parseExpiry("00/29")).toBeNull();
    expect(isExpired({ expMonth: 11, expYear: 2026 })).toBe(false);
    expect(isExpired({ expMonth: 10, expYear: 2026 })).toBe(true);
    // 23:30 UTC on 30 November is already December in Rome.
    expect(isExpired({ expMonth: 11, expYear: 2026 }, new Date("2026-11-30T23:30:00Z"))).toBe(true);
  });
});

describe("the card form", () => {
  it("keeps the digits, the expiry and the holder, and drops the CVV", () => {
    expect(cardDetailsInput.parse({ ...form, holder: "  Anna   D'Angelo " })).toEqual({ digits: "4242424242424242", expMonth: 8, expYear: 2029, holder: "Anna D'Angelo" });
  });

  it("says in Italian what is wrong with each field", () => {
    expect(errorsOf({ number: "", expiry: "", cvv: "", holder: "" })).toEqual({
      number: "Inserisci il numero della carta.",
      expiry: "Inserisci la scadenza della carta.",
      cvv: "Inserisci il CVV.",
      holder: "Inserisci il nome dell'intestatario.",
    });
    expect(errorsOf({ number: "4242 4242 4242 4241" })).toEqual({ number: "Il numero della carta non è valido: controlla le cifre." });
    expect(errorsOf({ number: "4242-4242-abcd" })).toEqual({ number: "Il numero della carta può contenere solo cifre." });
    expect(errorsOf({ number: "6011 1111 1111 1117" })).toEqual({ number: "Sono accettate solo carte Visa, Mastercard e American Express." });
    expect(errorsOf({ expiry: "10/26" })).toEqual({ expiry: "La carta risulta scaduta: controlla la data o usa un'altra carta." });
    expect(errorsOf({ expiry: "2029-08" })).toEqual({ expiry: "Scrivi la scadenza come MM/AA, per esempio 08/29." });
    expect(errorsOf({ expiry: "01/2099" })).toEqual({ expiry: "La scadenza non è valida: controlla la data." });
    expect(errorsOf({ cvv: "12" })).toEqual({ cvv: "Il CVV è di 3 o 4 cifre, sul retro della carta." });
    expect(errorsOf({ holder: "<script>" })).toEqual({ holder: "Scrivi il nome come riportato sulla carta (solo lettere)." });
    expect(errorsOf({ expiry: "11/26", cvv: "1234" })).toEqual({});
  });

  it("refuses input that is not text at all", () => {
    expect(cardDetailsInput.safeParse({ number: 4242424242424242 }).success).toBe(false);
    expect(cardDetailsInput.safeParse(null).success).toBe(false);
  });

  it("OTP: six digits", () => {
    expect(otpInput.safeParse({ otp: " 123456 " }).data).toEqual({ otp: "123456" });
    expect(otpInput.safeParse({ otp: "12345" }).success).toBe(false);
    expect(otpInput.safeParse({ otp: "abcdef" }).success).toBe(false);
  });
});
