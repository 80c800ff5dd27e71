import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateCustomer, type LoginMethod } from "./login";
import { authSecret } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

type HeaderBag = Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The client address as the reverse proxy reports it (trust it only behind a proxy that sets it). */
export function requestIp(headers: HeaderBag): string | undefined {
  return header(headers, "x-forwarded-for")?.split(",")[0]?.trim() || header(headers, "x-real-ip") || undefined;
}

/** The same, with a value to key login throttling on when the proxy says nothing. */
export function clientIp(headers: HeaderBag): string {
  return requestIp(headers) ?? "unknown";
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

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      credentialsProvider("account", { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } }),
      credentialsProvider("pec", { address: { label: "PEC", type: "email" }, password: { label: "Password", type: "password" } }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.customerId = user.id;
          token.pecServiceId = (user as { pecServiceId?: string }).pecServiceId;
        }
        return token;
      },
      async session({ session, token }) {
        session.customerId = token.customerId as string;
        session.pecServiceId = token.pecServiceId as string | undefined;
        return session;
      },
    },
  };
}
