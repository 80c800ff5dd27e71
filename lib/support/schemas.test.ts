import { describe, expect, it } from "vitest";
import { reasonFitsCategory, supportRequestInput } from "./schemas";

const valid = { category: "AMMINISTRAZIONE", reason: "WRONG_EMAIL", name: "Ada", email: "ada@example.com", customerCode: "", invoiceNumber: "", message: "Indirizzo sbagliato" };

describe("supportRequestInput", () => {
  it("routes each reason to its category, 'Altro' to either", () => {
    for (const r of ["RECEIPT_NOT_RECEIVED", "WRONG_EMAIL", "SPLIT_PAYMENT_MISTAKE", "WRONG_INVOICE_DATA"] as const) {
      expect(reasonFitsCategory("AMMINISTRAZIONE", r)).toBe(true);
      expect(reasonFitsCategory("SUPPORTO_TECNICO", r)).toBe(false);
    }
    expect(reasonFitsCategory("SUPPORTO_TECNICO", "TECHNICAL_ERROR")).toBe(true);
    expect(reasonFitsCategory("AMMINISTRAZIONE", "TECHNICAL_ERROR")).toBe(false);
    expect(reasonFitsCategory("AMMINISTRAZIONE", "OTHER") && reasonFitsCategory("SUPPORTO_TECNICO", "OTHER")).toBe(true);
  });

  it("gives the form message keys it can translate, and empty optional fields become absent", () => {
    const ok = supportRequestInput.parse(valid);
    expect(ok.customerCode).toBeUndefined();
    expect(ok.invoiceNumber).toBeUndefined();
    const bad = supportRequestInput.safeParse({ ...valid, email: "x", name: " ", category: "SUPPORTO_TECNICO" });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({ email: "invalidEmail", name: "required" });
    const mismatch = supportRequestInput.safeParse({ ...valid, category: "SUPPORTO_TECNICO" });
    expect(mismatch.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reason", "reasonCategory"]]);
    expect(supportRequestInput.safeParse({}).error?.issues.every((i) => i.message === "required")).toBe(true);
  });
});
