import { z } from "zod";

// The account's own e-mails (lib/account, lib/auth): links are absolute (APP_URL / NEXTAUTH_URL).
export const securityChanges = [
  "password-changed",
  "password-reset",
  "totp-enabled",
  "totp-disabled",
  "recovery-codes-renewed",
  "passkey-added",
  "passkey-removed",
  "signed-out-everywhere",
] as const;
export type SecurityChange = (typeof securityChanges)[number];

export const accountEmailProps = {
  "password-reset": z.object({
    name: z.string().min(1),
    username: z.string().min(1),
    resetUrl: z.url(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  "email-change-confirm": z.object({
    name: z.string().min(1),
    newEmail: z.email(),
    confirmUrl: z.url(),
    expiresAt: z.iso.datetime({ offset: true }),
  }),
  /** To the old address: a change was asked for ("requested") or is done ("confirmed"). */
  "email-change-notice": z.object({
    name: z.string().min(1),
    newEmail: z.string().min(1),
    stage: z.enum(["requested", "confirmed"]),
    at: z.iso.datetime({ offset: true }),
    /** "requested": the link that cancels the change (/annulla-email/<token>). */
    cancelUrl: z.url().optional(),
  }),
  "new-device-sign-in": z.object({
    name: z.string().min(1),
    at: z.iso.datetime({ offset: true }),
    /** "Chrome su Linux" */
    device: z.string().min(1),
    ip: z.string().min(1),
    /** Logged in with the PEC mailbox's password (that mailbox's address), or the account's. */
    pecAddress: z.string().optional(),
  }),
  /** The second step was blocked after the right password: someone knows it. */
  "second-step-blocked": z.object({
    name: z.string().min(1),
    at: z.iso.datetime({ offset: true }),
    unlockAt: z.iso.datetime({ offset: true }),
  }),
  "security-change": z.object({
    name: z.string().min(1),
    change: z.enum(securityChanges),
    at: z.iso.datetime({ offset: true }),
    /** The passkey's name, for passkey-added / passkey-removed. */
    detail: z.string().optional(),
  }),
} satisfies Record<string, z.ZodType>;

/**
 * The props that carry a link working once (its token is stored only hashed): once the e-mail is
 * sent, or given up, the send job replaces them in the outbox with a placeholder, so that the
 * Email table never becomes a list of usable links. Issue 13 review, finding 4.
 */
export const accountEmailSecretProps = {
  "password-reset": ["resetUrl"],
  "email-change-confirm": ["confirmUrl"],
  "email-change-notice": ["cancelUrl"],
} as const satisfies { [N in keyof typeof accountEmailProps]?: readonly (keyof z.infer<(typeof accountEmailProps)[N]>)[] };
