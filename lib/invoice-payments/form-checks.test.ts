import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAll } from "@/lib/forms/checks";
import { payInvoiceChecks, type PayInvoiceField } from "./form-checks";
import { payInvoiceInput } from "./schemas";

/** What the server's schema says of each field: its first issue's message (a key of payInvoice.errors). */
function schemaVerdict(values: Record<PayInvoiceField, string>): Partial<Record<PayInvoiceField, string>> {
  const parsed = payInvoiceInput.safeParse(values);
  const found: Partial<Record<PayInvoiceField, string>> = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = issue.path[0] as PayInvoiceField;
    found[field] ??= issue.message;
  }
  return found;
}

const pick = (...values: string[]) => fc.constantFrom(...values);
const padded = (a: fc.Arbitrary<string>) => fc.tuple(pick("", " ", "  "), a, pick("", " ", "\t")).map(([l, v, r]) => l + v + r);
const longText = (n: number) => fc.string({ minLength: n - 2, maxLength: n + 2 });
const values = fc.record({
  invoiceNumber: fc.oneof(padded(pick("FT-2026-000123", "ft-2026-1", "")), longText(40)),
  customerCode: fc.oneof(padded(pick("C000123", "c1", "")), longText(40)),
  amount: fc.oneof(padded(pick("122,00", "122.00", "1.220,50", "€ 1 220,50", "0", "dodici", "12,345", "-5", "", "99999999999")), longText(20), fc.string()),
  regime: pick("ORDINARY", "SPLIT_PAYMENT", "", "split", "ordinary"),
  payerName: fc.oneof(padded(pick("Mario Rossi", "")), longText(120)),
  payerTaxId: fc.oneof(padded(pick("RSSMRA80A01H501U", "rssmra80a01h501u", "RSSMRA80A01H501X", "IT01234567897", "01234567897", "0123456789", "")), longText(40)),
  receiptEmail: fc.oneof(padded(pick("mario@example.it", "MARIO@Example.IT", "non-un-indirizzo", "a@b", "a..b@example.it", "")), fc.emailAddress(), longText(254)),
});

describe("Paga fattura: the form's checks in the browser say what the server's schema says", () => {
  it("field by field, with the same message, for any input", () => {
    fc.assert(
      fc.property(values, (v) => {
        expect(checkAll(payInvoiceChecks, v)).toEqual(schemaVerdict(v));
      }),
      { numRuns: 3000 },
    );
  });

  it("a valid form passes both", () => {
    const ok = { invoiceNumber: "FT-2026-000123", customerCode: "C000123", amount: "122,00", regime: "ORDINARY", payerName: "Mario Rossi", payerTaxId: "RSSMRA80A01H501U", receiptEmail: "mario@example.it" };
    expect(checkAll(payInvoiceChecks, ok)).toEqual({});
    expect(payInvoiceInput.safeParse(ok).success).toBe(true);
  });
});
