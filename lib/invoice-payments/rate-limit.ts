import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// Step one of Paga fattura is public: without limits it would let anyone discover invoices (and
// their amounts) by trying. Counted in the database like failed logins, so every server instance
// shares the counters. Data that do not match an invoice count against the client address and
// against the invoice number typed (whoever types it); every lookup counts against the address,
// which also caps the attempts a client can open. The library blocks past `points`.
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

export type LookupThrottle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Is this address or this invoice number over a limit? Asked before anything is looked up or counted. */
export async function checkLookupThrottle(ip: string | undefined, invoiceNumber: string): Promise<LookupThrottle> {
  const l = getLimiters();
  const k = keys(ip, invoiceNumber);
  const states = await Promise.all([l.failuresPerAddress.get(k.address), l.failuresPerInvoice.get(k.invoice), l.lookupsPerAddress.get(k.address)]);
  const limits = [lookupLimits.failuresPerAddress, lookupLimits.failuresPerInvoice, lookupLimits.lookupsPerAddress];
  const wait = Math.max(0, ...states.map((r, i) => (r && r.consumedPoints >= limits[i].points ? r.msBeforeNext : 0)));
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { allowed: true };
}

/** Counts a lookup of this address (matching or not). */
export async function countLookup(ip: string | undefined) {
  await getLimiters().lookupsPerAddress.consume(keys(ip, "").address).catch(swallowLimit);
}

/** Counts data that matched no invoice to pay, against the address and the invoice number. */
export async function countLookupFailure(ip: string | undefined, invoiceNumber: string) {
  const l = getLimiters();
  const k = keys(ip, invoiceNumber);
  await Promise.all([l.failuresPerAddress.consume(k.address).catch(swallowLimit), l.failuresPerInvoice.consume(k.invoice).catch(swallowLimit)]);
}

// A consume past the limit rejects with the limiter's state: the next check refuses, nothing else to do.
function swallowLimit(res: unknown) {
  if (!(res instanceof RateLimiterRes)) throw res;
}
