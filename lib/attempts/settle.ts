import "server-only";
import { writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import type { DeclineReason } from "@/lib/gateway/types";
import type { AttemptPurpose } from "@/lib/db/generated/enums";
import { log } from "@/lib/ops/log";
import { debtOf, readFacts } from "./debts";
import { isUniqueViolation, SettlesNothing } from "./errors";
import { oweRefund, runOwedRefund } from "./refunds";
import { statusesBefore } from "./state";
import type { AttemptFacts, RefundReason, SuccessOutcome } from "./types";

export type FailureReason = DeclineReason | "not_sent" | "expired" | "invoice_paid" | "invoice_changed";

/** After this many confirmations of a success that failed for another reason, it is given back. */
export const SETTLE_FAILURES_BEFORE_REFUND = 5;

/** The attempt's row, locked until the transaction ends (after the debt's locks, as every settler takes them). */
async function lockFacts(tx: Tx, attemptId: string): Promise<AttemptFacts & { gatewayChargeId: string | null }> {
  // The facts of `factsSelect`, read with the lock in one statement.
  const [a] = await tx.$queryRaw<(AttemptFacts & { gatewayChargeId: string | null })[]>`
    SELECT "id", "purpose"::text AS "purpose", "status"::text AS "status", "amountCents", "offSession", "ip", "userAgent", "gatewayChargeId"
    FROM "Attempt" WHERE "id" = ${attemptId}::uuid FOR NO KEY UPDATE`;
  if (!a) throw new Error(`attempt ${attemptId} not found`);
  return a;
}

/**
 * The bank says the attempt succeeded. In one transaction, under the debt's locks and the
 * attempt's, the attempt is SUCCEEDED with the key of the debt it pays (unique: a second success
 * can never be recorded) and the debt does what success does. Money that pays nothing (the debt
 * was paid meanwhile, the attempt was already closed, the bank captured another amount or a second
 * time) is owed back and refunded, once. A success that can't be recorded for any other reason (a
 * defect) is retried by the janitor and, after a few failures, given back rather than kept
 * without a record. Idempotent: a replay finds the attempt settled.
 */
export async function settleSuccess(attemptId: string, outcome: SuccessOutcome, known: { purpose?: AttemptPurpose } = {}): Promise<void> {
  // What the attempt pays never changes: a caller that has just read it says so.
  const purpose = known.purpose ?? (await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { purpose: true } })).purpose;
  const debt = debtOf(purpose);
  const closeAfterwards = (reason: RefundReason) =>
    db.$transaction(async (tx) => {
      await debt.lock(tx, attemptId);
      return closeUnpaid(tx, await lockFacts(tx, attemptId), outcome, reason);
    });
  let owed = false;
  try {
    owed = await db.$transaction(async (tx) => {
      await debt.lock(tx, attemptId);
      const a = await lockFacts(tx, attemptId);
      if (a.status === "SUCCEEDED") return closeUnpaid(tx, a, outcome, "settles_nothing");
      if (a.status === "FAILED") return closeUnpaid(tx, a, outcome, "late_success");
      if (outcome.amountCents !== a.amountCents) return closeUnpaid(tx, a, outcome, "amount_mismatch");
      const key = await debt.settlesKey(tx, a);
      if (key === null) return closeUnpaid(tx, a, outcome, "settles_nothing");
      await tx.attempt.update({
        where: { id: attemptId },
        data: { status: "SUCCEEDED", settledKey: key, activeKey: null, gatewayChargeId: outcome.chargeId, cardBrand: outcome.card.brand, cardLast4: outcome.card.last4, settledAt: now() },
      });
      await debt.succeed(tx, { ...a, status: "SUCCEEDED" }, outcome);
      return false;
    });
  } catch (error) {
    // Another attempt already paid this debt, or the debt refused under its lock: nothing of it stays.
    if (error instanceof SettlesNothing || isUniqueViolation(error, "settledKey")) owed = await closeAfterwards("settles_nothing");
    else {
      const { settleFailures } = await db.attempt.update({ where: { id: attemptId }, data: { settleFailures: { increment: 1 } }, select: { settleFailures: true } });
      if (settleFailures < SETTLE_FAILURES_BEFORE_REFUND) throw error;
      log("attempts").error({ err: error, attemptId, settleFailures }, "a success could not be recorded: the money is given back");
      owed = await closeAfterwards("settles_nothing");
    }
  }
  if (owed) await runOwedRefund(attemptId).catch((error) => log("attempts").error({ err: error, attemptId }, "refund left to the reconciliation"));
}

/**
 * A success that pays nothing: the attempt is FAILED (if it was still open) and what the bank took
 * for that charge is owed back. An attempt already SUCCEEDED by this same charge owes nothing (a
 * replay); by another charge, the second capture is owed back. True when a refund is owed
 * (nothing is owed for a zero-amount card check).
 */
async function closeUnpaid(tx: Tx, a: AttemptFacts & { gatewayChargeId: string | null }, outcome: SuccessOutcome, reason: RefundReason): Promise<boolean> {
  if (a.status === "SUCCEEDED" && a.gatewayChargeId === outcome.chargeId) return false;
  if (a.status !== "SUCCEEDED" && a.status !== "FAILED") {
    await tx.attempt.update({
      where: { id: a.id },
      data: { status: "FAILED", activeKey: null, failureReason: reason === "amount_mismatch" ? "amount_mismatch" : "refunded_duplicate", settledAt: now(), ...(a.gatewayChargeId ? {} : { gatewayChargeId: outcome.chargeId }) },
    });
  }
  if (outcome.amountCents === 0) return false;
  return oweRefund(tx, a.id, { reason, cents: outcome.amountCents, chargeId: outcome.chargeId });
}

/**
 * The attempt failed at the bank, or never reached it: the debt stays payable. `recheckFrom`:
 * closed without the bank's answer (sent at that time), so it is asked about again for as long as
 * the bank may still complete it.
 */
export async function settleFailure(attemptId: string, reason: FailureReason, opts: { recheckFrom?: Date } = {}) {
  await db.$transaction(async (tx) => {
    const recheckUntil = opts.recheckFrom ? new Date(opts.recheckFrom.getTime() + getGateway().lateCompletionMs) : undefined;
    const moved = await tx.attempt.updateMany({
      where: { id: attemptId, status: { in: statusesBefore("FAILED") } },
      data: { status: "FAILED", activeKey: null, failureReason: reason, settledAt: now(), recheckUntil },
    });
    if (moved.count === 0) return;
    const a = await readFacts(tx, attemptId);
    // A summary never paid closes silently: no money moved, nothing to audit.
    if (reason === "expired") return;
    const s = await debtOf(a.purpose).subject(tx, a);
    await writeAudit(tx, { actor: s.actor, action: `${s.prefix}.failed`, entity: s.entity, entityId: s.entityId, data: { attemptId, reason, amountCents: a.amountCents, ...s.data } });
  });
}
