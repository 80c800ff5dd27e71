import { describe, expect, it } from "vitest";
import { billingInput } from "./billing-rules";

const company = { sdiCode: "m5uxcr1", invoicePec: "", street: "Via Roma 1", postalCode: "00100", city: "Roma", province: "rm", country: "it" };
const issues = (publicBody: boolean, v: object) => {
  const r = billingInput(publicBody).safeParse(v);
  // The first issue of each field: the one the form shows.
  return r.success ? {} : Object.fromEntries(r.error.issues.reverse().map((i) => [i.path.join("."), i.message]));
};

describe("billing data for e-invoices (FatturaPA header rules)", () => {
  it("accepts a 7-character codice destinatario, upper-cased, and the Italian address", () => {
    expect(billingInput(false).parse(company)).toEqual({ sdiCode: "M5UXCR1", invoicePec: undefined, street: "Via Roma 1", postalCode: "00100", city: "Roma", province: "RM", country: "IT" });
  });

  it("takes a PEC for invoices only with 0000000, and 0000000 alone (area riservata) too", () => {
    expect(issues(false, { ...company, sdiCode: "0000000", invoicePec: "Fatture@PEC.example.it" })).toEqual({});
    expect(issues(false, { ...company, sdiCode: "0000000" })).toEqual({});
    expect(issues(false, { ...company, invoicePec: "fatture@pec.example.it" })).toEqual({ invoicePec: "pecOnlyWithZeros" });
    expect(issues(false, { ...company, sdiCode: "0000000", invoicePec: "not an address" })).toEqual({ invoicePec: "invalidEmail" });
  });

  it("refuses codes of the wrong length or with symbols, and a public administration's 7 characters", () => {
    expect(issues(false, { ...company, sdiCode: "ABC123" })).toEqual({ sdiCode: "sdiCode" });
    expect(issues(false, { ...company, sdiCode: "ABC-123" })).toEqual({ sdiCode: "sdiCode" });
    expect(issues(false, { ...company, sdiCode: "ABCDEFGH" })).toEqual({ sdiCode: "tooLong" });
    expect(issues(true, { ...company, sdiCode: "UFZ9KA" })).toEqual({});
    expect(issues(true, { ...company, sdiCode: "M5UXCR1" })).toEqual({ sdiCode: "sdiCodePa" });
  });

  it("abroad: XXXXXXX, any postal code, no province; in Italy CAP and province are checked", () => {
    expect(issues(false, { ...company, sdiCode: "XXXXXXX", country: "DE", postalCode: "10115", province: "" })).toEqual({});
    expect(issues(false, { ...company, country: "DE" })).toEqual({ sdiCode: "sdiCodeAbroad" });
    expect(issues(false, { ...company, sdiCode: "XXXXXXX" })).toEqual({ sdiCode: "sdiCode" });
    expect(issues(false, { ...company, postalCode: "0010", province: "Roma" })).toMatchObject({ postalCode: "postalCode", province: "tooLong" });
    expect(issues(false, { ...company, country: "Italia" })).toMatchObject({ country: "tooLong" });
    expect(issues(false, {})).toMatchObject({ sdiCode: "required", street: "required", city: "required" });
  });
});
