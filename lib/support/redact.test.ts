import { describe, expect, it } from "vitest";
import { REDACTED_CARD, redactCardNumbers } from "./redact";

describe("redactCardNumbers", () => {
  it("removes card numbers however they are written", () => {
    expect(redactCardNumbers("carta 4242 4242 4242 4242 rifiutata")).toBe(`carta ${REDACTED_CARD} rifiutata`);
    expect(redactCardNumbers("4000-0027-6000-3184")).toBe(REDACTED_CARD);
    expect(redactCardNumbers("5555555555554444, scad. 12/28")).toBe(`${REDACTED_CARD}, scad. 12/28`);
  });

  it("keeps numbers that are not card numbers", () => {
    const text = "Ordine ORD-2026-000101, fattura FT-2026-0042, tel. 0612345678, P.IVA 01234567890, codice 4242424242424241";
    expect(redactCardNumbers(text)).toBe(text);
  });
});
