import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { log } from "@/lib/ops/log";
import { clientAddress, headerValue as header, type HeaderBag } from "@/lib/security/client";
import { servedOverHttps } from "@/lib/security/headers";
import { auditLogin, authenticateCustomer, type LoginMethod } from "./login";
import { authenticateWithPasskey } from "./passkey-login";
import { completeSecondStep } from "./second-step";
import { authSecret } from "./secret";
import { liveSession, openSession, SESSION_MAX_AGE_SECONDS, type LiveSession, type SessionSubject } from "./session-registry";
import { auditStaffLogin, authenticateStaff } from "./staff-login";

export { SESSION_MAX_AGE_SECONDS };
const authLog = log("auth");

/** A long-lived random cookie per browser; its hash tells a known device from a new one. */
export const DEVICE_COOKIE = "area-device";
const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

/** The client address for login throttling; a key of its own when the proxies report none. */
function clientIp(headers: HeaderBag): string {
  return clientAddress(headers) ?? "unknown";
}

type Req = { headers?: HeaderBag };
type SignedInUser = { id: string; name: string; sessionId: string; pecServiceId?: string; staffRole?: string };

// next-auth turns an error thrown by authorize into the `error` code the login forms read:
// invalid_credentials, rate_limited:<seconds>, second_step:<ticket>:<factors> (the password was
// right, the second step follows), expired (the second step's ticket is over).
function refuse(code: string): never {
  throw new Error(code);
}
const refusal = (r: { error: string; retryAfterSeconds?: number }) => (r.error === "rate_limited" ? `rate_limited:${r.retryAfterSeconds}` : r.error);

/** Opens the server-side session (UserSession) and keeps the browser's device cookie. */
async function startSession(subject: SessionSubject, method: string, req: Req): Promise<string> {
  const jar = await cookies();
  const { sessionId, deviceToken } = await openSession({ subject, method, ip: clientAddress(req.headers), userAgent: header(req.headers, "user-agent"), deviceToken: jar.get(DEVICE_COOKIE)?.value });
  jar.set(DEVICE_COOKIE, deviceToken, { path: "/", httpOnly: true, sameSite: "lax", secure: servedOverHttps(), maxAge: DEVICE_COOKIE_MAX_AGE });
  return sessionId;
}

function customerProvider(method: LoginMethod, fields: Record<string, { label: string; type: string }>) {
  return CredentialsProvider({
    id: method,
    name: method,
    credentials: fields,
    async authorize(credentials, req): Promise<SignedInUser> {
      const result = await authenticateCustomer({ method, credentials, ip: clientIp(req.headers), userAgent: header(req.headers, "user-agent") });
      if (!result.ok) refuse(refusal(result));
      if (result.secondStep) refuse(`second_step:${result.secondStep.ticket}:${result.secondStep.factors.join(",")}`);
      const { customerId, username, pecServiceId } = result.customer;
      const subject: SessionSubject = pecServiceId ? { kind: "PEC", customerId, pecServiceId } : { kind: "ACCOUNT", customerId };
      return { id: customerId, name: username, pecServiceId, sessionId: await startSession(subject, "password", req) };
    },
  });
}

/** The back office's login: a StaffUser, whose session never carries a customerId. */
function staffProvider() {
  return CredentialsProvider({
    id: "staff",
    name: "staff",
    credentials: { username: { label: "Nome utente", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req): Promise<SignedInUser> {
      const result = await authenticateStaff({ credentials, ip: clientIp(req.headers), userAgent: header(req.headers, "user-agent") });
      if (!result.ok) refuse(refusal(result));
      if (result.secondStep) refuse(`second_step:${result.secondStep.ticket}:totp`);
      const { staffId, username, role } = result.staff;
      return { id: staffId, name: username, staffRole: role, sessionId: await startSession({ kind: "STAFF", staffId }, "password", req) };
    },
  });
}

/** The second step after a password (customers and staff): the ticket and a code or a passkey. */
function secondStepProvider() {
  return CredentialsProvider({
    id: "second-step",
    name: "second-step",
    credentials: { ticket: { label: "ticket", type: "text" }, method: { label: "method", type: "text" }, code: { label: "code", type: "text" }, response: { label: "response", type: "text" } },
    async authorize(credentials, req): Promise<SignedInUser> {
      const client = { ip: clientIp(req.headers), userAgent: header(req.headers, "user-agent") };
      const result = await completeSecondStep({ input: credentials, ...client });
      if (!result.ok) refuse(refusal(result));
      const { subject, method } = result;
      if (subject.kind === "STAFF") {
        const staff = await db.staffUser.findUniqueOrThrow({ where: { id: subject.staffId }, select: { username: true, role: true, disabledAt: true } });
        if (staff.disabledAt) refuse("invalid_credentials");
        await auditStaffLogin(subject.staffId, { role: staff.role, method }, client);
        return { id: subject.staffId, name: staff.username, staffRole: staff.role, sessionId: await startSession(subject, method, req) };
      }
      const customer = await db.customer.findUniqueOrThrow({ where: { id: subject.customerId }, select: { username: true } });
      await auditLogin(subject.customerId, { method }, client);
      return { id: subject.customerId, name: customer.username, sessionId: await startSession(subject, method, req) };
    },
  });
}

/** "Accedi con una passkey": no username, no password. */
function passkeyProvider() {
  return CredentialsProvider({
    id: "passkey",
    name: "passkey",
    credentials: { response: { label: "response", type: "text" } },
    async authorize(credentials, req): Promise<SignedInUser> {
      const client = { ip: clientIp(req.headers), userAgent: header(req.headers, "user-agent") };
      const result = await authenticateWithPasskey({ response: credentials?.response, ip: client.ip });
      if (!result.ok) refuse(refusal(result));
      const { customerId, username } = result.customer;
      await auditLogin(customerId, { method: "passkey" }, client);
      return { id: customerId, name: username, sessionId: await startSession({ kind: "ACCOUNT", customerId }, "passkey", req) };
    },
  });
}

const NO_SESSION = {} as Session;

/** The cookie's owner is the session row's: a staff member's or a customer's (through the same PEC mailbox, if any). */
function namesTheSameOwner(live: LiveSession, token: JWT): boolean {
  if (typeof token.staffId === "string") return live.kind === "STAFF" && live.staffId === token.staffId && typeof token.customerId !== "string";
  return live.kind !== "STAFF" && typeof token.customerId === "string" && live.customerId === token.customerId && (live.pecServiceId ?? undefined) === token.pecServiceId;
}

/** The providers the auth route lets through (app/api/auth/[...nextauth]/route.ts). */
export const AUTH_PROVIDERS = ["account", "pec", "staff", "second-step", "passkey"] as const;

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // next-auth's own lines go through the structured log. A session cookie that doesn't decrypt
    // (tampered, or signed with an old secret) is the client's doing: a warning without a stack.
    logger: {
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (code === "JWT_SESSION_ERROR") authLog.warn({ code, reason: error instanceof Error ? error.message : undefined }, "session cookie refused");
        else authLog.error({ code, err: error }, "next-auth error");
      },
      warn: (code) => authLog.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
    providers: [
      customerProvider("account", { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } }),
      customerProvider("pec", { address: { label: "PEC", type: "email" }, password: { label: "Password", type: "password" } }),
      staffProvider(),
      secondStepProvider(),
      passkeyProvider(),
    ],
    callbacks: {
      // On sign-in next-auth starts from a fresh token, so a staff login never inherits a
      // customer's id from an earlier session in the same browser (or the reverse). `sid` names
      // the UserSession row that every request checks (lib/auth/session.ts).
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as SignedInUser;
          token.sid = signedIn.sessionId;
          if (signedIn.staffRole) {
            token.staffId = signedIn.id;
            token.staffRole = signedIn.staffRole;
          } else {
            token.customerId = signedIn.id;
            token.pecServiceId = signedIn.pecServiceId;
          }
        }
        return token;
      },
      // The registry decides (one primary-key lookup), for getServerSession and for next-auth's
      // own GET /api/auth/session alike: a cookie whose session was signed out, expired, belongs
      // to a disabled member of staff or to someone else gets `{}`, which is no session.
      async session({ session, token }) {
        const live = await liveSession(token.sid);
        if (!live || !namesTheSameOwner(live, token)) return NO_SESSION;
        session.sessionId = live.id;
        if (live.staffId) {
          session.staffId = live.staffId;
          session.staffRole = token.staffRole as Session["staffRole"];
        } else {
          session.customerId = live.customerId ?? undefined;
          session.pecServiceId = live.pecServiceId ?? undefined;
        }
        return session;
      },
    },
  };
}
