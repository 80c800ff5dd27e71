import { z } from "zod";
import { isTaxId, normalizeTaxId } from "@/lib/tax-ids";

// Step one of Paga fattura, shared by the form (react-hook-form) and the server, which parses
// again. Issue messages are keys of the "payInvoice.errors" messages, so the form can translate them.

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

const required = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");

export const payInvoiceInput = z.object({
  invoiceNumber: required(40).transform((v) => v.toUpperCase()),
  customerCode: required(40).transform((v) => v.toUpperCase()),
  amount: required(20).transform((v, ctx) => {
    const cents = parseEuroAmount(v);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message: "invalidAmount" });
      return z.NEVER;
    }
    return cents;
  }),
  regime: z.enum(vatRegimes, { error: "required" }),
  payerName: required(120),
  payerTaxId: required(40)
    .transform(normalizeTaxId)
    .refine(isTaxId, "invalidTaxId"),
  receiptEmail: z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email({ error: "invalidEmail" })),
});

export type PayInvoiceFormValues = z.input<typeof payInvoiceInput>;
export type PayInvoiceInput = z.output<typeof payInvoiceInput>;

/** The keys the form may show (messages "payInvoice.errors.*"). */
export const payInvoiceErrorKeys = ["required", "tooLong", "invalidAmount", "invalidTaxId", "invalidEmail"] as const;
