/**
 * Who is asking: the client's address and browser, for rate limits and the audit log.
 *
 * The area runs behind reverse proxies (TLS terminator, load balancer) that append the address they
 * saw to X-Forwarded-For. Only the entries those proxies wrote can be trusted: anything to their
 * left was sent by the client and may be invented. `TRUSTED_PROXY_HOPS` (default 1) says how many
 * proxies append, so the client is the entry that many places from the right. With fewer entries
 * than that (a request that reached the server directly, as in development and tests, where Next
 * writes the socket's address when the header is absent) the leftmost entry is used.
 */
import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";

export type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

/** One header's value from Web Headers or Node's header object (its first value when repeated). */
export function headerValue(bag: HeaderBag, name: string): string | undefined {
  if (!bag) return undefined;
  if (bag instanceof Headers) return bag.get(name) ?? undefined;
  const value = bag[name];
  return Array.isArray(value) ? value[0] : value;
}

/** TRUSTED_PROXY_HOPS as a number of proxies, 1 to 10; anything else is a configuration error. */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 1;
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 1 || hops > 10) throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 1 to 10, not "${raw}"`);
  return hops;
}

/** The client's IP address as the trusted proxies report it; undefined when there is no valid one. */
export function clientAddress(bag: HeaderBag, hops = trustedProxyHops()): string | undefined {
  const entries = (headerValue(bag, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  const candidate = entries[Math.max(0, entries.length - hops)].replace(/^\[(.*)\]$/, "$1");
  return isIP(candidate) ? candidate : undefined;
}

export type RequestClient = { ip: string | undefined; userAgent: string | undefined };

/** Address and user agent (cut to 500 characters) from a set of request headers. */
export function clientOf(bag: HeaderBag): RequestClient {
  return { ip: clientAddress(bag), userAgent: headerValue(bag, "user-agent")?.slice(0, 500) || undefined };
}

/** The client of the request being handled (server actions and pages). */
export async function requestClient(): Promise<RequestClient> {
  return clientOf(await headers());
}
