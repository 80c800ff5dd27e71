import { z } from "zod";
import { isTaxId, normalizeTaxId } from "@/lib/tax-ids";
import { parseEuroAmount, vatRegimes } from "./form-checks";

export { parseEuroAmount, payInvoiceErrorKeys, vatRegimes } from "./form-checks";

// Step one of Paga fattura, as the server parses it; the form checks the same rules in the
// browser (form-checks.ts). Issue messages are keys of the "payInvoice.errors" messages.

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
