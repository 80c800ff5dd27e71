import "server-only";
import type Stripe from "stripe";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { StripeObject, StripeObjectKind } from "@/lib/db/generated/client";
import { GatewayError } from "../errors";

/**
 * The adapter's own memory (tables StripeCustomer and StripeObject): Stripe finds objects by id
 * only, while the area looks its attempts up by the idempotency key it stored before calling.
 */

/** Every POST to Stripe carries a key derived from the area's stored one, one namespace per call. */
export const stripeKey = (purpose: "session" | "charge" | "cancel" | "refund" | "customer" | "attach", key: string) => `area:${purpose}:${key}`;

/**
 * The Stripe Customer of a customer of the area, created once. Two first payments racing get the
 * same Stripe Customer (same Idempotency-Key) and one row (the primary key): no duplicate.
 */
export async function stripeCustomerFor(stripe: Stripe, merchantCustomerRef: string, tx: Tx = db): Promise<string> {
  const known = await knownStripeCustomer(merchantCustomerRef, tx);
  if (known) return known;
  const customer = await stripe.customers.create({ metadata: { merchantCustomerRef } }, { idempotencyKey: stripeKey("customer", merchantCustomerRef) });
  await tx.stripeCustomer.createMany({ data: [{ merchantCustomerRef, stripeCustomerId: customer.id, createdAt: now() }], skipDuplicates: true });
  return (await knownStripeCustomer(merchantCustomerRef, tx))!;
}

export async function knownStripeCustomer(merchantCustomerRef: string, tx: Tx = db): Promise<string | null> {
  const row = await tx.stripeCustomer.findUnique({ where: { merchantCustomerRef }, select: { stripeCustomerId: true } });
  return row?.stripeCustomerId ?? null;
}

/**
 * Remembers, before the call, what a key is about to make. The same key for another kind of object
 * or another attempt is the area's mistake: refused like Stripe refuses a reused key.
 */
export async function rememberAttempt(row: { idempotencyKey: string; kind: StripeObjectKind; merchantRef: string; stripeCustomerId?: string | null }): Promise<StripeObject> {
  await db.stripeObject.createMany({ data: [{ ...row, stripeCustomerId: row.stripeCustomerId ?? null, createdAt: now() }], skipDuplicates: true });
  const stored = await db.stripeObject.findUniqueOrThrow({ where: { idempotencyKey: row.idempotencyKey } });
  if (stored.kind !== row.kind || stored.merchantRef !== row.merchantRef) {
    throw new GatewayError("idempotency_conflict", "idempotencyKey was already used for a different request");
  }
  return stored;
}

export function attemptOf(idempotencyKey: string): Promise<StripeObject | null> {
  return db.stripeObject.findUnique({ where: { idempotencyKey } });
}

export async function recordStripeId(idempotencyKey: string, stripeId: string) {
  await db.stripeObject.updateMany({ where: { idempotencyKey, stripeId: null }, data: { stripeId } });
}
