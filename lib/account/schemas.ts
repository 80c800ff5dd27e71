import { z } from "zod";

// Shared by the account's forms (react-hook-form) and the server, which parses again. Issue
// messages are keys of the "account.errors" messages, so the forms can translate them.

export const MIN_PASSWORD_LENGTH = 10;

const required = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const password = z.string({ error: "required" }).min(1, "required").max(200, "tooLong");
/** Length, not composition (NIST SP 800-63B): at least 10 characters, up to 200. */
const newPassword = z.string({ error: "required" }).min(MIN_PASSWORD_LENGTH, "tooShort").max(200, "tooLong");
const email = z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(254, "tooLong").pipe(z.email({ error: "invalidEmail" }));

const matching = <T extends { newPassword: string; confirmPassword: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "mismatch" });
};

export const changePasswordInput = z
  .object({ currentPassword: password, newPassword, confirmPassword: z.string({ error: "required" }).min(1, "required").max(200, "tooLong") })
  .superRefine(matching);
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/** "Password dimenticata?": the username or the registered e-mail. */
export const passwordResetRequestInput = z.object({ login: required(254) });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestInput>;

export const passwordResetInput = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "invalidToken"), newPassword, confirmPassword: z.string({ error: "required" }).min(1, "required").max(200, "tooLong") })
  .superRefine(matching);
export type PasswordResetInput = z.infer<typeof passwordResetInput>;

export const emailChangeInput = z.object({ newEmail: email, currentPassword: password });
export type EmailChangeInput = z.infer<typeof emailChangeInput>;

/** Confirming something sensitive (the second step, a passkey) with the password. */
export const passwordOnlyInput = z.object({ currentPassword: password });
export type PasswordOnlyInput = z.infer<typeof passwordOnlyInput>;

export const totpCodeInput = z.object({ code: z.string({ error: "required" }).trim().regex(/^\d{6}$/, "code6") });
export type TotpCodeInput = z.infer<typeof totpCodeInput>;

export const passkeyNameInput = z.object({ name: required(60) });

export const sessionIdInput = z.object({ sessionId: z.uuid() });

/** A button with no fields ("Annulla la modifica"). */
export const nothingInput = z.object({});

export const accountErrorKeys = ["required", "tooShort", "tooLong", "mismatch", "invalidEmail", "invalidToken", "code6", "sdiCode", "sdiCodePa", "sdiCodeAbroad", "pecOnlyWithZeros", "postalCode", "province", "country"] as const;
export type AccountErrorKey = (typeof accountErrorKeys)[number];
