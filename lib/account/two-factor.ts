import "server-only";
import QRCode from "qrcode";
import { defineAllowance } from "@/lib/auth/allowance";
import { isStaffOwner, ownerKey, ownerWhere, type Owner } from "@/lib/auth/owner";
import { replaceRecoveryCodes, unusedRecoveryCodes } from "@/lib/auth/recovery-codes";
import { revokeSessions } from "@/lib/auth/session-registry";
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpUri, verifyTotp } from "@/lib/auth/totp";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AccountError } from "./errors";
import { recordSecurityChange, type Client } from "./notify";
import { confirmPassword } from "./reauth";
import { passwordOnlyInput, totpCodeInput } from "./schemas";

/**
 * "Verifica in due passaggi" with an authenticator app. Setting it up: the password again, then a
 * new secret (sealed at rest) shown as a QR code and as text, then a code from the app confirms it
 * and ten recovery codes are shown once. Optional for customers (who may turn it off with the
 * password); mandatory for staff (never turned off, set up again only after `npm run staff --
 * reset-password --reset-2fa`). Each change is audited and, for customers, e-mailed.
 *
 * A factor being set up belongs to the session that started it (only that one sees its secret or
 * may confirm it) and lasts TOTP_SETUP_TTL_MS. Confirming it signs the owner's other sessions out:
 * they were opened with the password alone, and would otherwise pass for a second step's.
 */
const setupCodes = defineAllowance({ keyPrefix: "totp:setup", points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 });
export const TOTP_SETUP_TTL_MS = 15 * 60 * 1000;

export type TotpStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };

/** The set-up a session may see and confirm: its own, started less than TOTP_SETUP_TTL_MS ago. */
const setupOf = (sessionId: string) => ({ sessionId, since: new Date(now().getTime() - TOTP_SETUP_TTL_MS) });
const pendingFor = (owner: Owner, sessionId: string) => {
  const setup = setupOf(sessionId);
  return { ...ownerWhere(owner), confirmedAt: null, setupSessionId: setup.sessionId, createdAt: { gt: setup.since } };
};

/** Whether the app is on, and whether this session (`sessionId`) is setting it up. */
export async function totpStatus(owner: Owner, sessionId?: string): Promise<TotpStatus> {
  const factor = await db.totpFactor.findFirst({ where: ownerWhere(owner), select: { confirmedAt: true } });
  const enabled = Boolean(factor?.confirmedAt);
  const pending = !enabled && sessionId !== undefined && (await db.totpFactor.count({ where: pendingFor(owner, sessionId) })) > 0;
  return { enabled, pending, recoveryCodesLeft: enabled ? await unusedRecoveryCodes(owner) : 0 };
}

export async function startTotpSetup(opts: { owner: Owner; sessionId?: string; input: unknown }): Promise<void> {
  const parsed = passwordOnlyInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  if (!opts.sessionId) throw new AccountError("not_allowed");
  await confirmPassword(opts.owner, parsed.data.currentPassword);
  if ((await totpStatus(opts.owner)).enabled) throw new AccountError("not_allowed");
  await db.$transaction(async (tx) => {
    await tx.totpFactor.deleteMany({ where: { ...ownerWhere(opts.owner), confirmedAt: null } });
    await tx.totpFactor.create({ data: { ...ownerWhere(opts.owner), secretEnc: sealTotpSecret(newTotpSecret(), opts.owner), setupSessionId: opts.sessionId, createdAt: now() } });
  });
}

/** What the set-up page shows this session: the secret as text (to type it) and as a QR code (an SVG data URL). */
export async function pendingTotpSetup(owner: Owner, sessionId: string | undefined, accountLabel: string): Promise<{ secret: string; qrDataUrl: string } | null> {
  if (!sessionId) return null;
  const factor = await db.totpFactor.findFirst({ where: pendingFor(owner, sessionId), select: { secretEnc: true } });
  if (!factor) return null;
  const secret = openTotpSecret(factor.secretEnc, owner);
  const svg = await QRCode.toString(totpUri(secret, accountLabel), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret: secret.replace(/(.{4})/g, "$1 ").trim(), qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * The first code from the app, in the session that started the set-up, turns it on; the owner's
 * other sessions are signed out; the ten recovery codes are returned this once.
 */
export async function confirmTotpSetup(opts: { owner: Owner; sessionId?: string; input: unknown; client?: Client }): Promise<string[]> {
  const parsed = totpCodeInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  const attempt = await setupCodes.consume(ownerKey(opts.owner));
  if (!attempt.allowed) throw new AccountError("rate_limited", attempt.retryAfterSeconds);
  const { sessionId } = opts;
  if (!sessionId || !(await verifyTotp(opts.owner, parsed.data.code, { setup: setupOf(sessionId) }))) throw new AccountError("invalid_code");
  const codes = await db.$transaction(async (tx) => {
    const on = await tx.totpFactor.updateMany({ where: pendingFor(opts.owner, sessionId), data: { confirmedAt: now(), setupSessionId: null } });
    if (on.count !== 1) throw new AccountError("not_allowed");
    const fresh = await replaceRecoveryCodes(tx, opts.owner);
    const signedOut = await revokeSessions(tx, { owner: opts.owner, keep: sessionId, reason: "totp-enabled" });
    await recordSecurityChange(tx, opts.owner, "totp-enabled", { client: opts.client, data: { otherSessionsSignedOut: signedOut } });
    return fresh;
  });
  await setupCodes.clear(ownerKey(opts.owner));
  return codes;
}

export async function disableTotp(opts: { owner: Owner; input: unknown; client?: Client }): Promise<void> {
  if (isStaffOwner(opts.owner)) throw new AccountError("not_allowed");
  const parsed = passwordOnlyInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await confirmPassword(opts.owner, parsed.data.currentPassword);
  await db.$transaction(async (tx) => {
    const removed = await tx.totpFactor.deleteMany({ where: ownerWhere(opts.owner) });
    await tx.recoveryCode.deleteMany({ where: ownerWhere(opts.owner) });
    if (removed.count) await recordSecurityChange(tx, opts.owner, "totp-disabled", { client: opts.client });
  });
}

export async function renewRecoveryCodes(opts: { owner: Owner; input: unknown; client?: Client }): Promise<string[]> {
  const parsed = passwordOnlyInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await confirmPassword(opts.owner, parsed.data.currentPassword);
  if (!(await totpStatus(opts.owner)).enabled) throw new AccountError("not_allowed");
  return db.$transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, opts.owner);
    await recordSecurityChange(tx, opts.owner, "recovery-codes-renewed", { client: opts.client });
    return codes;
  });
}
