import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// Support requests are counted per client address in the database (like failed logins), so every
// server instance sees the same counters: the public form cannot be used to flood the staff's
// queue or to send acknowledgement e-mails to arbitrary addresses.
// The library blocks when consumed points exceed `points`.
export const MAX_SUPPORT_REQUESTS_PER_HOUR = 10;
const limit = { keyPrefix: "support:ip", points: MAX_SUPPORT_REQUESTS_PER_HOUR, duration: 60 * 60 } as const;

let limiter: RateLimiterPrisma | undefined;

function getLimiter() {
  return (limiter ??= new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimit", ...limit }));
}

export type SupportThrottle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one submission from this address; refused beyond the hourly allowance. */
export async function consumeSupportAllowance(ip: string | undefined): Promise<SupportThrottle> {
  try {
    await getLimiter().consume(ip || "unknown");
    return { allowed: true };
  } catch (res) {
    if (res instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    throw res;
  }
}
