import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// Counted in the database (RateLimit table), so every server instance shares the counters.
// Per client address: the form can't be used to probe customer codes and tax ids in bulk.
// Per customer code (existing or not, so a block reveals nothing): one customer's mailbox can't
// be flooded with lists from many addresses.
export const PAYMENTS_LIST_LIMITS = {
  ip: { keyPrefix: "payments-list:ip", points: 10, duration: 60 * 60 },
  customerCode: { keyPrefix: "payments-list:code", points: 5, duration: 60 * 60 },
} as const;

type Kind = keyof typeof PAYMENTS_LIST_LIMITS;
const limiters = new Map<Kind, RateLimiterPrisma>();

function limiter(kind: Kind) {
  let l = limiters.get(kind);
  if (!l) limiters.set(kind, (l = new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimit", ...PAYMENTS_LIST_LIMITS[kind] })));
  return l;
}

export type PaymentsListThrottle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

async function consume(kind: Kind, key: string): Promise<PaymentsListThrottle> {
  try {
    await limiter(kind).consume(key);
    return { allowed: true };
  } catch (res) {
    if (res instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    throw res;
  }
}

/** Counts one request from this address for this customer code; refused beyond either allowance. */
export async function consumePaymentsListAllowance(ip: string | undefined, customerCode: string): Promise<PaymentsListThrottle> {
  const byIp = await consume("ip", ip || "unknown");
  if (!byIp.allowed) return byIp;
  return consume("customerCode", customerCode.toUpperCase());
}
