import { z } from "zod";

// The back office's inputs, shared by its forms (react-hook-form) and the server, which parses
// again. Issue messages are keys of the "backoffice.errors" messages.

/** Ids in URLs and hidden fields: anything else is "not found", never a database error. */
export const uuidInput = z.uuid();

export const requestStatusFilters = ["OPEN", "ANSWERED", "CLOSED"] as const;

/** ?stato=…&pagina=… on Richieste: anything else falls back to all, page 1. */
export const requestListInput = z.object({
  stato: z.enum(requestStatusFilters).optional(),
  pagina: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const supportReplyInput = z.object({
  requestId: z.uuid(),
  message: z.string({ error: "required" }).trim().min(1, "required").max(5000, "tooLong"),
});
export type SupportReplyFormValues = z.input<typeof supportReplyInput>;

export const requestStatusInput = z.object({
  requestId: z.uuid(),
  status: z.enum(["OPEN", "CLOSED"]),
});

/** Pagamenti: an invoice number (FT-…) or a customer code. */
export const paymentLookupInput = z.object({
  q: z.string().trim().min(1, "required").max(60, "tooLong"),
});

export const resendReceiptInput = z.object({
  invoicePaymentId: z.uuid(),
  to: z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email({ error: "invalidEmail" })),
});
export type ResendReceiptFormValues = z.input<typeof resendReceiptInput>;

export const settlementInput = z.object({
  invoicePaymentId: z.uuid(),
  kind: z.enum(["vat", "refund"]),
});

/** Registro attività filters: ?entita=…&azione=…&id=…&pagina=… */
export const auditFilterInput = z.object({
  entita: z.string().trim().max(60).regex(/^[A-Za-z]*$/).optional(),
  azione: z.string().trim().max(60).regex(/^[a-z_.]*$/).optional(),
  id: z.string().trim().max(100).optional(),
  pagina: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditFilter = z.output<typeof auditFilterInput>;

export const staffErrorKeys = ["required", "tooLong", "invalidEmail"] as const;
