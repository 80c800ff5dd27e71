import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { log } from "@/lib/ops/log";
import { authSecret } from "./secret";

/** What a session cookie says (written by the jwt callback in options.ts). */
export type SessionClaims = {
  /** The UserSession row behind this cookie (lib/auth/session-registry.ts). */
  sessionId?: string;
  username?: string;
  customerId?: string;
  pecServiceId?: string;
  staffId?: string;
  staffRole?: string;
};

// next-auth derives the cookie's A256GCM key from the secret with HKDF on every call (about
// 0.2 ms with its async HKDF), and its getServerSession also encrypts a refreshed cookie that a
// server component can't set: together about half a millisecond of CPU per request, for nothing.
// The key depends on the secret only, so it is derived once.
const keys = new Map<string, Uint8Array>();
function keyFor(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    // next-auth v4's getDerivedEncryptionKey with an empty salt (next-auth/jwt).
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.set(secret, key);
  }
  return key;
}

/** next-auth's own `decode` (jose's jwtDecrypt, 15 s of clock tolerance), with the key derived once. */
async function decode({ token, secret }: { token?: string; secret: string | Buffer }): Promise<JWT | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, keyFor(String(secret)), { clockTolerance: 15 });
    return payload as JWT;
  } catch (error) {
    // Tampered, expired, or sealed with an old secret: the client's doing, a warning without a stack.
    log("auth").warn({ code: "JWT_SESSION_ERROR", reason: error instanceof Error ? error.message : undefined }, "session cookie refused");
    throw error;
  }
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

type CookieJar = { getAll(): { name: string; value: string }[] };

/**
 * Reads this request's session cookie, as next-auth's getServerSession would (same cookie name,
 * chunks and decryption; no Authorization header), without its per-request overhead.
 */
export async function readSessionCookie(): Promise<SessionClaims | null> {
  return sessionClaims(await cookies(), authSecret());
}

export async function sessionClaims(jar: CookieJar, secret: string): Promise<SessionClaims | null> {
  const token = await getToken({ req: { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret, decode });
  if (!token) return null;
  return {
    sessionId: text(token.sid),
    username: text(token.name),
    customerId: text(token.customerId),
    pecServiceId: text(token.pecServiceId),
    staffId: text(token.staffId),
    staffRole: text(token.staffRole),
  };
}
