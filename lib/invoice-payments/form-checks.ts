import { all, email, oneOf, text, type Checks } from "@/lib/forms/checks";
import { isTaxId, normalizeTaxId } from "@/lib/tax-ids";

// Paga fattura's rules that the form checks in the browser too, without zod (payInvoiceInput in
// schemas.ts is what the server parses; form-checks.test.ts compares the two).

export const vatRegimes = ["ORDINARY", "SPLIT_PAYMENT"] as const;

const MAX_AMOUNT_CENTS = 100_000_000; // 1 million euro: more than any invoice of a certified-services provider

/**
 * "122,00", "122.00", "122", "1.220,50", "€ 1 220,50" → cents; null when it is not an amount in
 * euro with at most two decimals. A dot followed by three digits is a thousands separator.
 */
export function parseEuroAmount(text: string): number | null {
  const s = text.replace(/[\s\u00a0€]/g, "");
  let euros: string;
  let cents = "";
  const grouped = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/.exec(s);
  const plain = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (grouped) [euros, cents = ""] = [grouped[1].replaceAll(".", ""), grouped[2]];
  else if (plain) [euros, cents = ""] = [plain[1], plain[2]];
  else return null;
  if (euros.length > 9) return null;
  const value = Number(euros) * 100 + Number(cents.padEnd(2, "0"));
  return value > 0 && value <= MAX_AMOUNT_CENTS ? value : null;
}

/** The keys the form may show (messages "payInvoice.errors.*"). */
export const payInvoiceErrorKeys = ["required", "tooLong", "invalidAmount", "invalidTaxId", "invalidEmail"] as const;

export type PayInvoiceField = "invoiceNumber" | "customerCode" | "amount" | "regime" | "payerName" | "payerTaxId" | "receiptEmail";

export const payInvoiceChecks: Checks<PayInvoiceField> = {
  invoiceNumber: text(40),
  customerCode: text(40),
  amount: all(text(20), (v) => (parseEuroAmount(v.trim()) === null ? "invalidAmount" : null)),
  regime: oneOf(vatRegimes),
  payerName: text(120),
  payerTaxId: all(text(40), (v) => (isTaxId(normalizeTaxId(v.trim())) ? null : "invalidTaxId")),
  receiptEmail: email(254),
};
