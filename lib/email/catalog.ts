import { z } from "zod";
import { accountEmailProps, accountEmailSecretProps } from "./account-catalog";

/**
 * What each e-mail needs to be written. Kept apart from the React templates so that queueing an
 * e-mail (from actions and use cases) never loads the renderer, and props are checked when the
 * e-mail is queued, inside the caller's transaction, not when the worker sends it.
 */
export const emailPropsSchemas = {
  "login-locked": z.object({
    name: z.string().min(1),
    /** When the login block ends (ISO 8601, UTC). */
    unlockAt: z.iso.datetime({ offset: true }),
  }),
  "payment-confirmed": z.object({
    name: z.string().min(1),
    orderNumber: z.string().min(1),
    description: z.string().min(1),
    netCents: z.number().int().nonnegative(),
    vatCents: z.number().int().nonnegative(),
    totalCents: z.number().int().nonnegative(),
    /** e.g. "Visa •••• 4242" */
    card: z.string().min(1),
    paidAt: z.iso.datetime({ offset: true }),
    transactionId: z.string().min(1),
    serviceName: z.string().min(1),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    /** Charged by the renewal engine (off-session), not paid by the customer on the site. */
    automatic: z.boolean().optional(),
  }),
  "renewal-activated": z.object({
    name: z.string().min(1),
    serviceName: z.string().min(1),
    productName: z.string().min(1),
    card: z.string().min(1),
    nextRenewalAt: z.iso.datetime({ offset: true }),
    renewalTotalCents: z.number().int().nonnegative(),
  }),
  "renewal-deactivated": z.object({
    name: z.string().min(1),
    serviceName: z.string().min(1),
    productName: z.string().min(1),
    /** After this date the service stops unless renewed by hand; null when it has none. */
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
  }),
  // The renewal engine (lib/renewals): links are absolute, built from APP_URL / NEXTAUTH_URL.
  "renewal-failed": z.object({
    name: z.string().min(1),
    serviceName: z.string().min(1),
    orderNumber: z.string().min(1),
    totalCents: z.number().int().nonnegative(),
    reason: z.enum(["declined", "insufficient_funds", "expired_card", "authentication_required", "no_card", "above_ceiling", "other"]),
    /** The next automatic attempt; null after the last one. */
    nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
    expiresAt: z.iso.datetime({ offset: true }),
    payUrl: z.url(),
  }),
  "service-expired": z.object({
    name: z.string().min(1),
    serviceName: z.string().min(1),
    productName: z.string().min(1),
    expiredAt: z.iso.datetime({ offset: true }),
    serviceUrl: z.url(),
  }),
  "service-expiring": z.object({
    name: z.string().min(1),
    serviceName: z.string().min(1),
    productName: z.string().min(1),
    expiresAt: z.iso.datetime({ offset: true }),
    daysLeft: z.number().int().positive(),
    /** The product could renew automatically (PEC, SPID…): the e-mail suggests turning it on. */
    autoRenewalAvailable: z.boolean(),
    serviceUrl: z.url(),
  }),
  "card-expiring": z.object({
    name: z.string().min(1),
    card: z.string().min(1),
    /** "12/2026" */
    cardExpiry: z.string().min(1),
    chargeAt: z.iso.datetime({ offset: true }),
    serviceName: z.string().min(1),
    cardsUrl: z.url(),
  }),
  // Assistenza › Richiesta di Assistenza (lib/support): the acknowledgement with a copy of the message.
  "support-request-received": z.object({
    name: z.string().min(1),
    requestNumber: z.string().min(1),
    category: z.enum(["AMMINISTRAZIONE", "SUPPORTO_TECNICO"]),
    reason: z.enum(["RECEIPT_NOT_RECEIVED", "WRONG_EMAIL", "SPLIT_PAYMENT_MISTAKE", "WRONG_INVOICE_DATA", "TECHNICAL_ERROR", "OTHER"]),
    message: z.string().min(1),
  }),
  // The quietanza of an invoice paid on Paga fattura (lib/receipts): the PDF travels as an attachment.
  receipt: z.object({
    payerName: z.string().min(1),
    receiptNumber: z.string().min(1),
    invoiceNumber: z.string().min(1),
    amountCents: z.number().int().nonnegative(),
    regime: z.enum(["ORDINARY", "SPLIT_PAYMENT"]),
    paidAt: z.iso.datetime({ offset: true }),
    /** e.g. "Visa •••• 4242" */
    card: z.string().min(1),
    /** The bank's charge id, as printed on the quietanza. */
    transactionId: z.string().min(1),
    /** Sent again (by Amministrazione, e.g. to a corrected address). */
    resend: z.boolean().optional(),
  }),
  // Lista Pagamenti (lib/payments-list): sent to the customer's registered address, CSV attached.
  "payments-list": z.object({
    name: z.string().min(1),
    customerCode: z.string().min(1),
    /** The period asked for, Italian calendar days "YYYY-MM-DD". */
    from: z.iso.date(),
    to: z.iso.date(),
    count: z.number().int().nonnegative(),
  }),
  // The back office (lib/support/replies.ts, lib/invoice-settlement): staff replies and settlements.
  "support-reply": z.object({
    name: z.string().min(1),
    requestNumber: z.string().min(1),
    category: z.enum(["AMMINISTRAZIONE", "SUPPORTO_TECNICO"]),
    reply: z.string().min(1),
    originalMessage: z.string().min(1),
  }),
  "invoice-vat-balance": z.object({
    name: z.string().min(1),
    invoiceNumber: z.string().min(1),
    customerCode: z.string().min(1),
    paidNetCents: z.number().int().nonnegative(),
    vatCents: z.number().int().positive(),
    payUrl: z.url(),
  }),
  "invoice-payment-refunded": z.object({
    name: z.string().min(1),
    invoiceNumber: z.string().min(1),
    customerCode: z.string().min(1),
    refundedCents: z.number().int().positive(),
    /** e.g. "Visa •••• 4242" */
    card: z.string().min(1),
    transactionId: z.string().min(1),
    /** What to pay now, in the invoice's own regime. */
    amountDueCents: z.number().int().positive(),
    regime: z.enum(["ORDINARY", "SPLIT_PAYMENT"]),
    payUrl: z.url(),
  }),
  ...accountEmailProps,
} satisfies Record<string, z.ZodType>;

export type EmailTemplateName = keyof typeof emailPropsSchemas;
export type EmailProps<N extends EmailTemplateName> = z.infer<(typeof emailPropsSchemas)[N]>;

export function isEmailTemplateName(value: string): value is EmailTemplateName {
  return Object.hasOwn(emailPropsSchemas, value);
}

/** Each template's props that must not stay in the outbox once the e-mail is sent or given up. */
export const emailSecretProps: { readonly [N in EmailTemplateName]?: readonly (keyof EmailProps<N>)[] } = { ...accountEmailSecretProps };

/** What replaces a secret prop in the outbox (the e-mail as delivered kept the real value). */
export const REDACTED_PROP = "[removed after sending]";

/** The props to keep in the outbox after sending: null when the template has no secret to remove. */
export function propsWithoutSecrets(template: string, props: unknown): Record<string, unknown> | null {
  const secret = isEmailTemplateName(template) ? (emailSecretProps[template] as readonly string[] | undefined) : undefined;
  if (!secret?.length || typeof props !== "object" || props === null) return null;
  const kept: Record<string, unknown> = { ...props };
  for (const name of secret) if (name in kept) kept[name] = REDACTED_PROP;
  return kept;
}
