import { describe, expect, it } from "vitest";
import { fiscalCodeCheck, randomElevenDigits, randomFiscalCode, vatNumberCheck } from "./tax-ids";

describe("test tax ids", () => {
  it("computes the check character of known codes", () => {
    expect(fiscalCodeCheck("RSSMRA80A01H501")).toBe("U");
    expect(fiscalCodeCheck("MRTMTT25D09F205")).toBe("Z");
    // The partita IVA of the Agenzia delle Entrate (06363391001).
    expect(vatNumberCheck("0636339100")).toBe("1");
  });

  it("makes codes of the real shape that carry their own check character", () => {
    const cf = randomFiscalCode();
    expect(cf).toMatch(/^[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-9]{2}[A-Z][0-9]{3}[A-Z]$/);
    expect(cf[15]).toBe(fiscalCodeCheck(cf.slice(0, 15)));
    const vat = randomElevenDigits("0");
    expect(vat).toMatch(/^0[0-9]{10}$/);
    expect(vat[10]).toBe(vatNumberCheck(vat.slice(0, 10)));
  });
});
