import { describe, expect, it } from "vitest";
import { parseEuroAmount, payInvoiceInput } from "./schemas";

describe("the amount as typed", () => {
  it("accepts the Italian comma, a dot, no decimals and thousands separators", () => {
    expect(parseEuroAmount("122,00")).toBe(12200);
    expect(parseEuroAmount("122.00")).toBe(12200);
    expect(parseEuroAmount("122")).toBe(12200);
    expect(parseEuroAmount("122,5")).toBe(12250);
    expect(parseEuroAmount(" € 1.220,50 ")).toBe(122050);
    expect(parseEuroAmount("1.220")).toBe(122000);
    expect(parseEuroAmount("1 220,50")).toBe(122050);
    expect(parseEuroAmount("0,01")).toBe(1);
  });

  it("refuses what is not an amount", () => {
    for (const text of ["", "abc", "12,345", "-5", "0", "0,00", "1,2,3", "1.22.00", "12e3", "99999999999"]) expect(parseEuroAmount(text), text).toBeNull();
  });
});

const valid = {
  invoiceNumber: " ft-2026-000101 ",
  customerCode: "c000123",
  amount: "122,00",
  regime: "ORDINARY",
  payerName: "Mario Rossi",
  payerTaxId: "rssmra80a01h501u",
  receiptEmail: " Mario@Example.it ",
};

describe("step one", () => {
  it("normalises what it accepts", () => {
    expect(payInvoiceInput.parse(valid)).toStrictEqual({
      invoiceNumber: "FT-2026-000101", customerCode: "C000123", amount: 12200, regime: "ORDINARY",
      payerName: "Mario Rossi", payerTaxId: "RSSMRA80A01H501U", receiptEmail: "mario@example.it",
    });
  });

  it("names each bad field with a message key", () => {
    const result = payInvoiceInput.safeParse({ ...valid, amount: "dodici", payerTaxId: "RSSMRA80A01H501X", receiptEmail: "no", regime: "OTHER", payerName: " " });
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({ amount: "invalidAmount", payerTaxId: "invalidTaxId", receiptEmail: "invalidEmail", regime: "required", payerName: "required" });
  });
});
