import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

/**
 * An allowance of attempts per key (a login name, an address, an account), counted in the
 * database so that every server instance shares it (rate-limiter-flexible's Prisma store, the
 * `RateLimit` table). `consume` takes one point atomically (an increment in the database) BEFORE
 * the attempt is checked: however many requests arrive at once, at most `points` of them get
 * through (issue 11, defect 5: checking first and counting later let 200 parallel guesses in).
 * The one that goes past `points` blocks the key for `blockSeconds`.
 */
export type AllowanceRule = { keyPrefix: string; points: number; durationSeconds: number; blockSeconds?: number };
export type Consumed = { allowed: true; consumed: number } | { allowed: false; retryAfterSeconds: number };

export type Allowance = {
  readonly rule: AllowanceRule;
  consume(key: string): Promise<Consumed>;
  /** Gives one point back (an attempt that turned out not to count, e.g. a successful login). */
  refund(key: string): Promise<void>;
  /** Starts the key afresh (e.g. a login name after a successful login). */
  clear(key: string): Promise<void>;
};

export function defineAllowance(rule: AllowanceRule): Allowance {
  let limiter: RateLimiterPrisma | undefined;
  const get = () =>
    (limiter ??= new RateLimiterPrisma({
      storeClient: getDb(),
      tableName: "rateLimit",
      keyPrefix: rule.keyPrefix,
      points: rule.points,
      duration: rule.durationSeconds,
      blockDuration: rule.blockSeconds ?? 0,
    }));
  const normal = (key: string) => key.trim().toLowerCase() || "unknown";
  return {
    rule,
    async consume(key) {
      try {
        const res = await get().consume(normal(key));
        return { allowed: true, consumed: res.consumedPoints };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
        throw res;
      }
    },
    async refund(key) {
      await get().reward(normal(key), 1);
    },
    async clear(key) {
      await get().delete(normal(key));
    },
  };
}

/** Consumes one point of each allowance; refused when any is exhausted (the longest wait is reported). */
export async function consumeAll(pairs: [Allowance, string][]): Promise<{ allowed: true; consumed: number[] } | { allowed: false; retryAfterSeconds: number }> {
  const results = await Promise.all(pairs.map(([a, key]) => a.consume(key)));
  const refused = results.filter((r): r is Extract<Consumed, { allowed: false }> => !r.allowed);
  if (refused.length) return { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) };
  return { allowed: true, consumed: results.map((r) => (r.allowed ? r.consumed : 0)) };
}
