import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { AttemptPurpose } from "@/lib/db/generated/enums";
import { DebtHeldError, isUniqueViolation } from "./errors";
import { confirmAttempt } from "./outcome";
import { IN_FLIGHT_GRACE_MS } from "./state";

const keyPrefix: Record<AttemptPurpose, string> = { ORDER: "pay", INVOICE: "inv", CARD_CHECK: "verify" };

/** The key that lets one attempt at a time hold a debt (unique among attempts in flight). */
export const activeKeyOf = {
  order: (orderId: string) => `order:${orderId}`,
  invoice: (invoiceId: string) => `invoice:${invoiceId}`,
};

export type NewAttempt = {
  purpose: AttemptPurpose;
  amountCents: number;
  /** Held from the start (orders); an invoice's summary takes its debt later (`holdDebt`). */
  activeKey?: string;
  offSession?: boolean;
  ip?: string;
  userAgent?: string;
};

/**
 * Stores a new attempt and its idempotency key in the caller's transaction, before anything is
 * sent to the bank; the caller writes what it pays (Payment, InvoicePayment, CardVerification)
 * with the same id in the same transaction.
 */
export async function createAttempt(tx: Tx, a: NewAttempt): Promise<{ id: string; idempotencyKey: string }> {
  return tx.attempt.create({
    data: {
      purpose: a.purpose, amountCents: a.amountCents, idempotencyKey: `${keyPrefix[a.purpose]}_${randomUUID()}`, activeKey: a.activeKey,
      offSession: a.offSession ?? false, ip: a.ip, userAgent: a.userAgent?.slice(0, 500), createdAt: now(),
    },
    select: { id: true, idempotencyKey: true },
  });
}

/**
 * `createAttempt` for several attempts in one statement (the renewal engine's batches), each with
 * its idempotency key, before anything is sent to the bank. Answers them in the order given.
 */
export async function createAttempts(tx: Tx, list: NewAttempt[]): Promise<{ id: string; idempotencyKey: string }[]> {
  const at = now();
  const rows = list.map((a) => ({
    id: randomUUID(), purpose: a.purpose, amountCents: a.amountCents, idempotencyKey: `${keyPrefix[a.purpose]}_${randomUUID()}`, activeKey: a.activeKey,
    offSession: a.offSession ?? false, ip: a.ip, userAgent: a.userAgent?.slice(0, 500), createdAt: at,
  }));
  if (rows.length) await tx.attempt.createMany({ data: rows });
  return rows.map(({ id, idempotencyKey }) => ({ id, idempotencyKey }));
}

/** Thrown by `refuseIfHeld`: `holdDebt` then deals with the holder, as when the unique key refuses a second one. */
class DebtTaken extends Error {}

/**
 * Inside `take`, under the debt's lock: another attempt already holds the debt, so stop before
 * reading and writing what the unique key would refuse at the end anyway.
 */
export async function refuseIfHeld(tx: Tx, activeKey: string) {
  if (await tx.attempt.findUnique({ where: { activeKey }, select: { id: true } })) throw new DebtTaken("debt held");
}

/**
 * Runs `take` (a transaction that makes an attempt hold a debt: `createAttempt` with its
 * `activeKey`, or setting it on a prepared one) and, when another attempt holds that debt,
 * settles that one first: ended at the bank if its payer left it there, else refused as
 * DebtHeldError ("in_progress", or "settled" when it has just paid the debt). `giveWay`: never
 * touch the holder (the renewal engine gives way to a customer paying by hand). `leftAfterMs`: how
 * long a holder waiting at the bank (hosted page, 3-D Secure) is left alone before it counts as
 * abandoned there: none for the customer's own orders (a second tab, the back button), a few
 * minutes on the public Paga fattura, where whoever knows an invoice's data could otherwise keep
 * ending its payer's bank page.
 */
export async function holdDebt<T>(activeKey: string, take: () => Promise<T>, opts: { giveWay?: boolean; leftAfterMs?: number } = {}): Promise<T> {
  for (let round = 0; round < 3; round++) {
    try {
      return await take();
    } catch (error) {
      if (!(error instanceof DebtTaken) && !isUniqueViolation(error, "activeKey")) throw error;
      if (opts.giveWay) throw new DebtHeldError("in_progress");
      await settleHolder(activeKey, opts.leftAfterMs ?? 0);
    }
  }
  throw new DebtHeldError("in_progress");
}

async function settleHolder(activeKey: string, leftAfterMs: number) {
  const holder = await db.attempt.findUnique({ where: { activeKey }, select: { id: true, status: true, updatedAt: true } });
  if (!holder) return; // settled meanwhile: try again
  if (holder.status === "SUCCEEDED" || holder.status === "FAILED") {
    // Closed but still holding (never by the core's own moves): let go, then try again.
    await db.attempt.updateMany({ where: { id: holder.id, status: holder.status, activeKey }, data: { activeKey: null } });
    return;
  }
  const idle = now().getTime() - holder.updatedAt.getTime();
  if (idle < (holder.status === "REQUIRES_ACTION" ? leftAfterMs : IN_FLIGHT_GRACE_MS)) throw new DebtHeldError("in_progress", holder.id);
  const view = await confirmAttempt(holder.id, { cancelOpen: true });
  if (view.status === "SUCCEEDED") throw new DebtHeldError("settled", holder.id);
  if (view.status === "OPEN") throw new DebtHeldError("in_progress", holder.id);
}
