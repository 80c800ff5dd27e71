import { z } from "zod";

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
  }),
  "renewal-activated": z.object({
    name: z.string().min(1),
    serviceName: z.string().min(1),
    productName: z.string().min(1),
    card: z.string().min(1),
    nextRenewalAt: z.iso.datetime({ offset: true }),
    renewalTotalCents: z.number().int().nonnegative(),
  }),
} satisfies Record<string, z.ZodType>;

export type EmailTemplateName = keyof typeof emailPropsSchemas;
export type EmailProps<N extends EmailTemplateName> = z.infer<(typeof emailPropsSchemas)[N]>;

export function isEmailTemplateName(value: string): value is EmailTemplateName {
  return Object.hasOwn(emailPropsSchemas, value);
}
