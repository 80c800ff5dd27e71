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
} satisfies Record<string, z.ZodType>;

export type EmailTemplateName = keyof typeof emailPropsSchemas;
export type EmailProps<N extends EmailTemplateName> = z.infer<(typeof emailPropsSchemas)[N]>;

export function isEmailTemplateName(value: string): value is EmailTemplateName {
  return Object.hasOwn(emailPropsSchemas, value);
}
