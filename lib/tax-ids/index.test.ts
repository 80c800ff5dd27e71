import { describe, expect, it } from "vitest";
import { randomElevenDigits, randomFiscalCode } from "@/lib/demo/tax-ids";
import { fiscalCodeCheck, isFiscalCode, isTaxId, isVatNumber, normalizeTaxId, vatNumberCheck } from ".";

describe("check characters", () => {
  it("computes the check character of known codes", () => {
    expect(fiscalCodeCheck("RSSMRA80A01H501")).toBe("U");
    expect(fiscalCodeCheck("MRTMTT25D09F205")).toBe("Z");
    // The partita IVA of the Agenzia delle Entrate (06363391001).
    expect(vatNumberCheck("0636339100")).toBe("1");
  });
});

describe("codice fiscale", () => {
  it("accepts real codes, omocodia included", () => {
    for (const cf of ["RSSMRA80A01H501U", "BNCNNA75H55F205B", "RSSMRA80A41H501Y", "RSSMRAU0A01H501R", "RSSMRAULAQMHRLMI"]) expect(isFiscalCode(cf), cf).toBe(true);
  });

  it("refuses a wrong check character, a wrong shape or a wrong length", () => {
    for (const cf of ["RSSMRA80A01H501X", "RSSMRA80Z01H501U", "RSSMRA80A01H501", "RSSMRA80A01H501UU", "1SSMRA80A01H501U", "rssmra80a01h501u"]) expect(isFiscalCode(cf), cf).toBe(false);
  });
});

describe("partita IVA", () => {
  it("accepts real numbers and numeric fiscal codes of public bodies", () => {
    for (const vat of ["01114601006", "00743110157", "02839750995", "80078750587"]) expect(isVatNumber(vat), vat).toBe(true);
  });

  it("refuses a wrong check digit, zeros or a wrong length", () => {
    for (const vat of ["01114601007", "00000000000", "0111460100", "011146010066", "0111460100A"]) expect(isVatNumber(vat), vat).toBe(false);
  });
});

describe("the test customers' generator", () => {
  it("makes codes of the real shape that the checks accept", () => {
    for (let i = 0; i < 50; i++) {
      const cf = randomFiscalCode();
      expect(cf).toMatch(/^[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-9]{2}[A-Z][0-9]{3}[A-Z]$/);
      expect(isFiscalCode(cf), cf).toBe(true);
      const lead = i % 2 ? "8" : "0";
      const number = randomElevenDigits(lead);
      expect(number).toMatch(new RegExp(`^${lead}[0-9]{10}$`));
      expect(isVatNumber(number), number).toBe(true);
    }
  });
});

describe("what the payer types", () => {
  it("drops spaces and an IT prefix, and accepts lower case", () => {
    expect(normalizeTaxId(" rssmra80a01h501u ")).toBe("RSSMRA80A01H501U");
    expect(normalizeTaxId("IT 0111 4601 006")).toBe("01114601006");
    expect(isTaxId(normalizeTaxId("it01114601006"))).toBe(true);
    expect(isTaxId("MARIO ROSSI")).toBe(false);
  });
});
