import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// Failed logins are counted in the database, so every server instance sees the same counters.
// Per login name: the 5th failure within 15 minutes blocks that name for 15 minutes.
// Per client address: the 30th failure within an hour blocks the address for an hour.
// (The library blocks when consumed points exceed `points`, hence the "- 1".)
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_BLOCK_SECONDS = 15 * 60;
const limits = {
  name: { keyPrefix: "login:name", points: MAX_LOGIN_FAILURES - 1, duration: 15 * 60, blockDuration: LOGIN_BLOCK_SECONDS },
  address: { keyPrefix: "login:ip", points: 30 - 1, duration: 60 * 60, blockDuration: 60 * 60 },
} as const;

type Limiters = { name: RateLimiterPrisma; address: RateLimiterPrisma };
let limiters: Limiters | undefined;

function getLimiters(): Limiters {
  const storeClient = getDb();
  return (limiters ??= {
    name: new RateLimiterPrisma({ storeClient, tableName: "rateLimit", ...limits.name }),
    address: new RateLimiterPrisma({ storeClient, tableName: "rateLimit", ...limits.address }),
  });
}

export type LoginThrottle = { blocked: false } | { blocked: true; retryAfterSeconds: number };

function keys(loginName: string, ip: string) {
  return { name: loginName.trim().toLowerCase(), address: ip || "unknown" };
}

/** Is this login name or this address currently blocked? Checked before the password. */
export async function checkLoginThrottle(loginName: string, ip: string): Promise<LoginThrottle> {
  const l = getLimiters();
  const k = keys(loginName, ip);
  const [byName, byAddress] = await Promise.all([l.name.get(k.name), l.address.get(k.address)]);
  const waits = [
    byName && byName.consumedPoints > limits.name.points ? byName.msBeforeNext : 0,
    byAddress && byAddress.consumedPoints > limits.address.points ? byAddress.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? { blocked: true, retryAfterSeconds: Math.ceil(wait / 1000) } : { blocked: false };
}

/** Counts a failure; says whether it is the one that just blocked the login name. */
export async function recordLoginFailure(loginName: string, ip: string): Promise<{ nameJustBlocked: boolean }> {
  const l = getLimiters();
  const k = keys(loginName, ip);
  const [byName] = await Promise.all([
    l.name.consume(k.name).catch((res: unknown) => res),
    l.address.consume(k.address).catch(() => undefined),
  ]);
  const justBlocked = byName instanceof RateLimiterRes && byName.consumedPoints === limits.name.points + 1;
  return { nameJustBlocked: justBlocked };
}

export async function clearLoginFailures(loginName: string) {
  await getLimiters().name.delete(keys(loginName, "").name);
}
