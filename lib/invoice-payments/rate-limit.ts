import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// Step one of Paga fattura is public: without limits it would let anyone discover invoices (and
// their amounts) by trying. Counted in the database like failed logins, so every server instance
// shares the counters. Data that do not match an invoice count against the client address and
// against the invoice number typed (whoever types it); every lookup counts against the address,
// which also caps the attempts a client can open. The library refuses past `points`.
export const lookupLimits = {
  failuresPerAddress: { keyPrefix: "pay-invoice:fail:ip", points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
  failuresPerInvoice: { keyPrefix: "pay-invoice:fail:number", points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  lookupsPerAddress: { keyPrefix: "pay-invoice:ip", points: 60, duration: 60 * 60 },
} as const;

type Name = keyof typeof lookupLimits;
let limiters: Record<Name, RateLimiterPrisma> | undefined;

function getLimiters() {
  const storeClient = getDb();
  const make = (name: Name) => new RateLimiterPrisma({ storeClient, tableName: "rateLimit", ...lookupLimits[name] });
  return (limiters ??= { failuresPerAddress: make("failuresPerAddress"), failuresPerInvoice: make("failuresPerInvoice"), lookupsPerAddress: make("lookupsPerAddress") });
}

const keys = (ip: string | undefined, invoiceNumber: string) => ({ address: ip || "unknown", invoice: invoiceNumber.trim().toUpperCase() });

export type LookupAllowance = { allowed: true; release: () => Promise<void> } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes, atomically and before anything is looked up, one lookup of this address and one failure
 * of this address and of this invoice number (each `consume` is one conditional write in the
 * store, so concurrent requests can't all pass a check made before they count). Past a limit:
 * refused, with the wait. A lookup that turns out not to be a failure gives its failures back
 * (`release`). So 200 wrong lookups at once of one invoice reach the lookup 5 times at most.
 */
export async function takeLookupAllowance(ip: string | undefined, invoiceNumber: string): Promise<LookupAllowance> {
  const l = getLimiters();
  const k = keys(ip, invoiceNumber);
  const taken = await Promise.allSettled([
    l.lookupsPerAddress.consume(k.address),
    l.failuresPerAddress.consume(k.address),
    l.failuresPerInvoice.consume(k.invoice),
  ]);
  const refused = taken.filter((t): t is PromiseRejectedResult => t.status === "rejected").map((t) => t.reason as unknown);
  for (const reason of refused) if (!(reason instanceof RateLimiterRes)) throw reason;
  const release = async () => {
    await Promise.all([l.failuresPerAddress.reward(k.address), l.failuresPerInvoice.reward(k.invoice)]);
  };
  if (refused.length === 0) return { allowed: true, release };
  const wait = Math.max(...(refused as RateLimiterRes[]).map((r) => r.msBeforeNext));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}
