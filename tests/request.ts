/**
 * A browser's request, for tests that call pages' guards and server actions outside Next: the
 * cookies and headers next/headers would read, and next-auth's getServerSession reading those
 * cookies through next-auth's own session action (the code behind GET /api/auth/session, with our
 * callbacks). Everything after the cookie is the real thing: the JWT is encoded with the session
 * secret, the registry and the database are real. A test file wires it with
 *
 *   vi.mock("next/headers", () => import("@/tests/request").then((m) => m.nextHeaders));
 *   vi.mock("next-auth", (original) => import("@/tests/request").then((m) => m.nextAuthReadingCookies(original)));
 */
import type { NextAuthOptions, Session } from "next-auth";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

const SESSION_COOKIE = "next-auth.session-token";
const jar = new Map<string, string>();
let requestHeaders = new Headers();

type CookieOptions = { maxAge?: number };
export const nextHeaders = {
  async cookies() {
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string, options?: CookieOptions) => void (options?.maxAge === 0 || value === "" ? jar.delete(name) : jar.set(name, value)),
      delete: (name: string) => void jar.delete(name),
    };
  },
  async headers() {
    return requestHeaders;
  },
};

type NextAuthModule = typeof import("next-auth");
type ServerSessionOf3 = (req: unknown, res: unknown, options: NextAuthOptions) => Promise<Session | null>;

/** next-auth as it is, but getServerSession(options) reads this file's cookie jar. */
export async function nextAuthReadingCookies(original: () => Promise<unknown>) {
  const actual = (await original()) as NextAuthModule & { default: unknown };
  const readSession = actual.getServerSession as unknown as ServerSessionOf3;
  const noResponse = { getHeader() {}, setCookie() {}, setHeader() {} };
  return {
    ...actual,
    getServerSession: (options: NextAuthOptions) => readSession({ headers: Object.fromEntries(requestHeaders), cookies: Object.fromEntries(jar) }, noResponse, options),
  };
}

/** What the jwt callback puts in the cookie after a login (lib/auth/options.ts). */
export type SignedIn = { sessionId: string; name?: string } & ({ customerId: string; pecServiceId?: string } | { staffId: string; staffRole: string });

/** The browser now holds the session cookie of this login (or none). */
export async function useSession(who: SignedIn | null, headers: Record<string, string> = {}) {
  jar.clear();
  requestHeaders = new Headers({ "user-agent": "vitest", "x-forwarded-for": "203.0.113.250", ...headers });
  if (!who) return;
  const token = "staffId" in who
    ? { name: who.name, sid: who.sessionId, staffId: who.staffId, staffRole: who.staffRole }
    : { name: who.name, sid: who.sessionId, customerId: who.customerId, pecServiceId: who.pecServiceId };
  jar.set(SESSION_COOKIE, await encode({ token, secret: authSecret(), maxAge: 8 * 60 * 60 }));
}

/** The session cookie is still there (a sign-out deletes it). */
export const hasSessionCookie = () => jar.has(SESSION_COOKIE);

