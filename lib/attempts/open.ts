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
 * Runs `take` (a transaction that makes an attempt hold a debt: `createAttempt` with its
 * `activeKey`, or setting it on a prepared one) and, when another attempt holds that debt,
 * settles that one first: ended at the bank if its payer left it there, else refused as
 * DebtHeldError ("in_progress", or "settled" when it has just paid the debt). `giveWay`: never
 * touch the holder (the renewal engine gives way to a customer paying by hand).
 */
export async function holdDebt<T>(activeKey: string, take: () => Promise<T>, opts: { giveWay?: boolean } = {}): Promise<T> {
  for (let round = 0; round < 3; round++) {
    try {
      return await take();
    } catch (error) {
      if (!isUniqueViolation(error, "activeKey")) throw error;
      if (opts.giveWay) throw new DebtHeldError("in_progress");
      await settleHolder(activeKey);
    }
  }
  throw new DebtHeldError("in_progress");
}

async function settleHolder(activeKey: string) {
  const holder = await db.attempt.findUnique({ where: { activeKey }, select: { id: true, status: true, updatedAt: true } });
  if (!holder) return; // settled meanwhile: try again
  const recent = now().getTime() - holder.updatedAt.getTime() < IN_FLIGHT_GRACE_MS;
  if (holder.status !== "REQUIRES_ACTION" && recent) throw new DebtHeldError("in_progress", holder.id);
  const view = await confirmAttempt(holder.id, { cancelOpen: true });
  if (view.status === "SUCCEEDED") throw new DebtHeldError("settled", holder.id);
  if (view.status === "OPEN") throw new DebtHeldError("in_progress", holder.id);
}
