import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { authSecret } from "./secret";

/**
 * WebAuthn challenges without a row per request: the challenge is its own proof (purpose, what
 * it is bound to, expiry, nonce, signed with an HMAC of the session secret), so asking for one
 * (which anyone can do on the login page) writes nothing. An answered challenge is recorded
 * (UsedChallenge, its hash) in the same step that accepts it, so it works once.
 */
export type ChallengePurpose = "register" | "login" | "second-step";
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

const mac = (payload: string) => createHmac("sha256", authSecret()).update(`webauthn:${payload}`).digest("base64url");

export function issueChallenge(purpose: ChallengePurpose, binding: string): Uint8Array<ArrayBuffer> {
  const payload = [purpose, binding, now().getTime() + CHALLENGE_TTL_MS, randomBytes(16).toString("base64url")].join("|");
  return new TextEncoder().encode(`${payload}|${mac(payload)}`);
}

/** Is this base64url challenge (from clientDataJSON) one we issued, for this purpose and binding, still valid? */
export function checkChallenge(challenge: string, purpose: ChallengePurpose, binding: string): boolean {
  let text: string;
  try {
    text = Buffer.from(challenge, "base64url").toString("utf8");
  } catch {
    return false;
  }
  const parts = text.split("|");
  if (parts.length !== 5) return false;
  const [p, b, expires, nonce, signature] = parts;
  const expected = Buffer.from(mac([p, b, expires, nonce].join("|")));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return p === purpose && b === binding && Number(expires) > now().getTime();
}

/** Records an accepted challenge; false when it had been used already (a replay). */
export async function spendChallenge(challenge: string): Promise<boolean> {
  const at = now();
  await db.usedChallenge.deleteMany({ where: { expiresAt: { lt: at } } });
  const hash = createHash("sha256").update(challenge).digest("hex");
  const r = await db.usedChallenge.createMany({ data: [{ hash, expiresAt: new Date(at.getTime() + CHALLENGE_TTL_MS) }], skipDuplicates: true });
  return r.count === 1;
}
