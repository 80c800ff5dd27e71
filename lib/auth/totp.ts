import "server-only";
import { Secret, TOTP } from "otpauth";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { decryptSecret, encryptSecret } from "@/lib/secrets/encryption";
import { ownerKey, ownerWhere, type Owner } from "./owner";

// RFC 6238 with what every authenticator app reads: SHA-1, 6 digits, 30 seconds. One step either
// side is accepted (a phone's clock a little off); a step once used is refused (lastUsedStep).
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "Area Clienti";

const totp = (secret: string, label = "account") =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI that the QR code carries. */
export function totpUri(secret: string, accountLabel: string): string {
  return totp(secret, accountLabel).toString();
}

export const sealTotpSecret = (secret: string, owner: Owner) => encryptSecret(secret, `totp:${ownerKey(owner)}`);
export const openTotpSecret = (sealed: string, owner: Owner) => decryptSecret(sealed, `totp:${ownerKey(owner)}`);

/** The code an app shows at `at` (tests, the demo staff's documentation, the e2e fixtures' twin). */
export function totpCode(secret: string, at: Date = now()): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/** The time step a code belongs to, within one step of `at`; null when it matches none. */
export function matchTotpStep(secret: string, code: string, at: Date = now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/**
 * Checks a code against the owner's authenticator: the confirmed one, or with `setup` the one
 * being set up by that session, started after `since` (lib/account/two-factor.ts).
 * A matching code is accepted once: the step is recorded by a conditional update, so the same
 * code (or an older one) is refused afterwards, even by two requests at the same moment.
 */
export async function verifyTotp(owner: Owner, code: string, opts: { setup?: { sessionId: string; since: Date } } = {}): Promise<boolean> {
  const where = opts.setup
    ? { ...ownerWhere(owner), confirmedAt: null, setupSessionId: opts.setup.sessionId, createdAt: { gt: opts.setup.since } }
    : { ...ownerWhere(owner), confirmedAt: { not: null } };
  const factor = await db.totpFactor.findFirst({ where, select: { id: true, secretEnc: true } });
  if (!factor) return false;
  const step = matchTotpStep(openTotpSecret(factor.secretEnc, owner), code.replace(/\s+/g, ""));
  if (step === null) return false;
  const claimed = await db.totpFactor.updateMany({ where: { id: factor.id, lastUsedStep: { lt: step } }, data: { lastUsedStep: step } });
  return claimed.count === 1;
}
