import "server-only";
import { writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import { debtOf, readFacts } from "./debts";
import { refundRetryDelayMs } from "./state";
import type { RefundReason } from "./types";

/** One refund per attempt, at the bank and here: the same key however often it is tried. */
export const refundKeyOf = (attemptId: string) => `refund:${attemptId}`;

/**
 * Records, in the caller's transaction, that what the bank took for this attempt is owed back
 * (`cents`, by default the attempt's amount). Once per attempt: a second call changes nothing.
 * The refund itself is `runOwedRefund`, now and then by the reconciliation until it is done.
 */
export async function oweRefund(tx: Tx, attemptId: string, opts: { reason: RefundReason; cents?: number; actor?: string }): Promise<boolean> {
  const at = now();
  const a = await readFacts(tx, attemptId);
  const cents = opts.cents ?? a.amountCents;
  const moved = await tx.attempt.updateMany({
    where: { id: attemptId, refundOwedAt: null },
    data: { refundOwedAt: at, refundReason: opts.reason, refundNextAt: at, chargedCents: cents },
  });
  if (moved.count === 0) return false;
  const s = await debtOf(a.purpose).subject(tx, a);
  await writeAudit(tx, {
    actor: opts.actor ?? s.actor, action: `${s.prefix}.refund_owed`, entity: s.entity, entityId: s.entityId,
    data: { attemptId, reason: opts.reason, amountCents: cents, ...s.data },
  });
  return true;
}

/**
 * Gives back what an attempt owes: the bank first (same key every time, so a retry never refunds
 * twice), then one conditional update records it, audits it and lets the debt react (an invoice
 * payable again, the payer told). A bank that refuses leaves it owed, tried again later on a slow
 * schedule, for ever: an owed refund is never abandoned. Safe to run at once from anywhere.
 */
export async function runOwedRefund(attemptId: string): Promise<"refunded" | "pending" | "nothing_owed"> {
  const a = await db.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { refundOwedAt: true, refundedAt: true, refundTries: true, refundReason: true, chargedCents: true, amountCents: true, gatewayChargeId: true },
  });
  if (!a.refundOwedAt || a.refundedAt) return "nothing_owed";
  const cents = a.chargedCents ?? a.amountCents;
  let refund: { refundId: string; refundedCents: number };
  try {
    if (!a.gatewayChargeId) throw new Error(`attempt ${attemptId} owes a refund but has no charge`);
    refund = await getGateway().refund({ chargeId: a.gatewayChargeId, amountCents: cents, idempotencyKey: refundKeyOf(attemptId) });
  } catch (error) {
    const tries = a.refundTries + 1;
    await db.attempt.updateMany({
      where: { id: attemptId, refundedAt: null },
      data: { refundTries: tries, refundNextAt: new Date(now().getTime() + refundRetryDelayMs(tries)), refundError: String((error as Error)?.message ?? error).slice(0, 300) },
    });
    return "pending";
  }
  return db.$transaction(async (tx) => {
    const moved = await tx.attempt.updateMany({
      where: { id: attemptId, refundedAt: null },
      data: { refundedAt: now(), refundedCents: refund.refundedCents, refundId: refund.refundId, refundNextAt: null, refundError: null },
    });
    if (moved.count === 0) return "refunded" as const;
    const facts = await readFacts(tx, attemptId);
    const debt = debtOf(facts.purpose);
    const s = await debt.subject(tx, facts);
    await writeAudit(tx, {
      actor: "system", action: `${s.prefix}.refunded`, entity: s.entity, entityId: s.entityId,
      data: { attemptId, refundId: refund.refundId, refundedCents: refund.refundedCents, reason: a.refundReason ?? "settles_nothing", ...s.data },
    });
    await debt.refunded?.(tx, facts, { ...refund, reason: (a.refundReason ?? "settles_nothing") as RefundReason });
    return "refunded" as const;
  });
}
