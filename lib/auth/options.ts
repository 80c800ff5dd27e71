import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateCustomer, type LoginMethod } from "./login";
import { clientAddress, headerValue as header, type HeaderBag } from "@/lib/security/client";
import { log } from "@/lib/ops/log";
import { authSecret } from "./secret";
import { authenticateStaff } from "./staff-login";

const authLog = log("auth");

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The client address for login throttling; a key of its own when the proxies report none. */
function clientIp(headers: HeaderBag): string {
  return clientAddress(headers) ?? "unknown";
}

function credentialsProvider(method: LoginMethod, fields: Record<string, { label: string; type: string }>) {
  return CredentialsProvider({
    id: method,
    name: method,
    credentials: fields,
    async authorize(credentials, req) {
      const result = await authenticateCustomer({
        method,
        credentials,
        ip: clientIp(req.headers),
        userAgent: header(req.headers, "user-agent"),
      });
      // next-auth turns a thrown error into the `error` code that the login form reads.
      if (!result.ok) throw new Error(result.error === "rate_limited" ? `rate_limited:${result.retryAfterSeconds}` : "invalid_credentials");
      const { customerId, username, pecServiceId } = result.customer;
      return { id: customerId, name: username, pecServiceId };
    },
  });
}

/** The back office's login: a StaffUser, whose session never carries a customerId. */
function staffProvider() {
  return CredentialsProvider({
    id: "staff",
    name: "staff",
    credentials: { username: { label: "Nome utente", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const result = await authenticateStaff({ credentials, ip: clientIp(req.headers), userAgent: header(req.headers, "user-agent") });
      if (!result.ok) throw new Error(result.error === "rate_limited" ? `rate_limited:${result.retryAfterSeconds}` : "invalid_credentials");
      const { staffId, username, role } = result.staff;
      return { id: staffId, name: username, staffRole: role };
    },
  });
}

type SignedInUser = { id: string; pecServiceId?: string; staffRole?: string };

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
      credentialsProvider("account", { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } }),
      credentialsProvider("pec", { address: { label: "PEC", type: "email" }, password: { label: "Password", type: "password" } }),
      staffProvider(),
    ],
    callbacks: {
      // On sign-in next-auth starts from a fresh token, so a staff login never inherits a
      // customer's id from an earlier session in the same browser (or the reverse).
      async jwt({ token, user, account }) {
        if (user) {
          const signedIn = user as SignedInUser;
          if (account?.provider === "staff") {
            token.staffId = signedIn.id;
            token.staffRole = signedIn.staffRole;
          } else {
            token.customerId = signedIn.id;
            token.pecServiceId = signedIn.pecServiceId;
          }
        }
        return token;
      },
      async session({ session, token }) {
        if (typeof token.customerId === "string") {
          session.customerId = token.customerId;
          session.pecServiceId = token.pecServiceId as string | undefined;
        }
        if (typeof token.staffId === "string") {
          session.staffId = token.staffId;
          session.staffRole = token.staffRole as Session["staffRole"];
        }
        return session;
      },
    },
  };
}
