import { z } from "zod";

// Shared by the Richiesta di Assistenza form (react-hook-form) and the server, which parses again.
// Issue messages are keys of the "support.errors" messages, so the form can translate them.

export const supportCategories = ["AMMINISTRAZIONE", "SUPPORTO_TECNICO"] as const;
export type SupportCategory = (typeof supportCategories)[number];

export const supportReasons = [
  "RECEIPT_NOT_RECEIVED",
  "WRONG_EMAIL",
  "SPLIT_PAYMENT_MISTAKE",
  "WRONG_INVOICE_DATA",
  "TECHNICAL_ERROR",
  "OTHER",
] as const;
export type SupportReason = (typeof supportReasons)[number];

/** Which reasons each category handles ("OTHER" goes to either). */
export const reasonsByCategory: Record<SupportCategory, readonly SupportReason[]> = {
  AMMINISTRAZIONE: ["RECEIPT_NOT_RECEIVED", "WRONG_EMAIL", "SPLIT_PAYMENT_MISTAKE", "WRONG_INVOICE_DATA", "OTHER"],
  SUPPORTO_TECNICO: ["TECHNICAL_ERROR", "OTHER"],
};

export function reasonFitsCategory(category: SupportCategory, reason: SupportReason): boolean {
  return reasonsByCategory[category].includes(reason);
}

const required = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
/** Empty means "not given". */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const supportRequestInput = z
  .object({
    category: z.enum(supportCategories, { error: "required" }),
    reason: z.enum(supportReasons, { error: "required" }),
    name: required(120),
    email: z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email({ error: "invalidEmail" })),
    customerCode: optional(40),
    invoiceNumber: optional(60),
    message: required(5000),
  })
  .superRefine((v, ctx) => {
    if (!reasonFitsCategory(v.category, v.reason)) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonCategory" });
  });

export type SupportRequestFormValues = z.input<typeof supportRequestInput>;
export type SupportRequestInput = z.output<typeof supportRequestInput>;

/** The keys the form may show (messages "support.errors.*"). */
export const supportErrorKeys = ["required", "tooLong", "invalidEmail", "reasonCategory"] as const;
