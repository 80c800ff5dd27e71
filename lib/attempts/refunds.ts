import "server-only";
import { writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import { log } from "@/lib/ops/log";
import { debtOf, readFacts } from "./debts";
import { refundRetryDelayMs } from "./state";
import type { RefundReason } from "./types";

/**
 * The key of a refund at the bank, stored with the refund owed and sent with every try: one refund
 * per charge that paid nothing, one per payment Amministrazione decided to give back.
 */
export function refundKeyFor(attemptId: string, reason: RefundReason, chargeId: string): string {
  return reason === "staff" ? `refund:attempt:${attemptId}` : `refund:charge:${chargeId}`;
}

/**
 * Records, in the caller's transaction, that what the bank took for this attempt is owed back
 * (`cents` of `chargeId`; by default the attempt's amount and recorded charge). Once per attempt:
 * a second call changes nothing. The refund itself is `runOwedRefund`, now and then by the
 * reconciliation until it is done.
 */
export async function oweRefund(tx: Tx, attemptId: string, opts: { reason: RefundReason; cents?: number; chargeId?: string; actor?: string }): Promise<boolean> {
  const at = now();
  const a = await readFacts(tx, attemptId);
  const { gatewayChargeId } = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { gatewayChargeId: true } });
  const chargeId = opts.chargeId ?? gatewayChargeId;
  if (!chargeId) throw new Error(`attempt ${attemptId} owes a refund but names no charge`);
  const cents = opts.cents ?? a.amountCents;
  const moved = await tx.attempt.updateMany({
    where: { id: attemptId, refundOwedAt: null },
    data: { refundOwedAt: at, refundReason: opts.reason, refundNextAt: at, chargedCents: cents, refundChargeId: chargeId, refundKey: refundKeyFor(attemptId, opts.reason, chargeId) },
  });
  if (moved.count === 0) return false;
  const s = await debtOf(a.purpose).subject(tx, a);
  await writeAudit(tx, {
    actor: opts.actor ?? s.actor, action: `${s.prefix}.refund_owed`, entity: s.entity, entityId: s.entityId,
    data: { attemptId, reason: opts.reason, amountCents: cents, chargeId, ...s.data },
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
    select: { refundOwedAt: true, refundedAt: true, refundTries: true, refundReason: true, chargedCents: true, amountCents: true, refundChargeId: true, refundKey: true },
  });
  if (!a.refundOwedAt || a.refundedAt) return "nothing_owed";
  const cents = a.chargedCents ?? a.amountCents;
  let refund: { refundId: string; refundedCents: number };
  try {
    if (!a.refundChargeId || !a.refundKey) throw new Error(`attempt ${attemptId} owes a refund but names no charge`);
    refund = await getGateway().refund({ chargeId: a.refundChargeId, amountCents: cents, idempotencyKey: a.refundKey });
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
    // Both banks refund what is asked; less would be money still owed: said loudly, for a person to see.
    if (refund.refundedCents !== cents) log("attempts").error({ attemptId, asked: cents, refunded: refund.refundedCents }, "the bank refunded another amount than asked");
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
