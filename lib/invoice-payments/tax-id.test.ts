import { describe, expect, it } from "vitest";
import { fiscalCodeCheck, randomElevenDigits, randomFiscalCode } from "@/lib/demo/tax-ids";
import { isFiscalCode, isTaxId, isVatNumber, normalizeTaxId } from "./tax-id";

describe("codice fiscale", () => {
  it("accepts real codes, omocodia included", () => {
    for (const cf of ["RSSMRA80A01H501U", "BNCNNA75H55F205B", "RSSMRA80A41H501Y", "RSSMRAU0A01H501R", "RSSMRAULAQMHRLMI"]) expect(isFiscalCode(cf), cf).toBe(true);
  });

  it("refuses a wrong check character, a wrong shape or a wrong length", () => {
    for (const cf of ["RSSMRA80A01H501X", "RSSMRA80Z01H501U", "RSSMRA80A01H501", "RSSMRA80A01H501UU", "1SSMRA80A01H501U", "rssmra80a01h501u"]) expect(isFiscalCode(cf), cf).toBe(false);
  });

  it("agrees with the test customers' generator", () => {
    for (let i = 0; i < 50; i++) expect(isFiscalCode(randomFiscalCode())).toBe(true);
    expect(fiscalCodeCheck("RSSMRA80A01H501")).toBe("U");
  });
});

describe("partita IVA", () => {
  it("accepts real numbers and numeric fiscal codes of public bodies", () => {
    for (const vat of ["01114601006", "00743110157", "02839750995", "80078750587"]) expect(isVatNumber(vat), vat).toBe(true);
    for (let i = 0; i < 50; i++) expect(isVatNumber(randomElevenDigits(i % 2 ? "8" : "0"))).toBe(true);
  });

  it("refuses a wrong check digit, zeros or a wrong length", () => {
    for (const vat of ["01114601007", "00000000000", "0111460100", "011146010066", "0111460100A"]) expect(isVatNumber(vat), vat).toBe(false);
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
