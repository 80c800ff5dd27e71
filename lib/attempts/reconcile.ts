import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { enqueueJob, type JobHandler } from "@/lib/jobs";
import { log } from "@/lib/ops/log";
import { confirmAttempt } from "./outcome";
import { runOwedRefund } from "./refunds";
import { ABANDONED_MS, PREPARED_TTL_MS, RECONCILE_STALE_MS } from "./state";

// Every 30 s, an attempt left alone for 20 s: settled at most 50 s after it got stuck (or after
// the restart that follows), with room to spare under "within a minute" on a busy machine.
const EVERY_MS = 30_000;
const BATCH = 100;

const slotAt = (time: number) => new Date(Math.floor(time / EVERY_MS) * EVERY_MS);

/** Enqueues the run of the current slot once, however many workers start. */
export async function scheduleReconciliation(at: Date = now()) {
  const slot = slotAt(at.getTime());
  await enqueueJob(db, { type: "payments.reconcile", payload: { slot: slot.toISOString() }, uniqueKey: `payments.reconcile:${slot.toISOString()}`, runAt: slot });
}

/**
 * The one janitor for every attempt, whatever it pays. It settles attempts left open (the server
 * died between the bank and the database, the payer closed the bank's page: ended at the bank
 * after 20 minutes) from what the bank says; asks again about attempts closed without the bank's
 * answer while the bank may still complete them (a late success is refunded); closes summaries
 * never paid; and retries every refund still owed.
 */
export async function reconcileAttempts(at: number): Promise<void> {
  const stale = new Date(at - RECONCILE_STALE_MS);
  // Paga fattura summaries that never took their invoice: nothing at the bank, nothing to audit.
  await db.attempt.updateMany({
    where: { status: "CREATED", activeKey: null, createdAt: { lt: new Date(at - PREPARED_TTL_MS) } },
    data: { status: "FAILED", failureReason: "expired", settledAt: new Date(at) },
  });
  const open = await db.attempt.findMany({
    where: { updatedAt: { lt: stale }, OR: [{ status: { in: ["SENT", "REQUIRES_ACTION"] } }, { status: "CREATED", activeKey: { not: null } }] },
    select: { id: true, sentAt: true, createdAt: true },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  const late = await db.attempt.findMany({
    where: { status: "FAILED", recheckUntil: { gt: new Date(at) }, refundOwedAt: null, updatedAt: { lt: stale } },
    select: { id: true, sentAt: true, createdAt: true },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  for (const a of [...open, ...late]) {
    try {
      await confirmAttempt(a.id, { cancelOpen: at - (a.sentAt ?? a.createdAt).getTime() > ABANDONED_MS });
    } catch (error) {
      log("attempts").error({ err: error, attemptId: a.id }, "reconcile failed");
      // To the back of the queue: an attempt that keeps failing never holds up the others.
      await db.attempt.updateMany({ where: { id: a.id }, data: { updatedAt: new Date(at) } }).catch(() => undefined);
    }
  }
  const refunds = await db.attempt.findMany({
    where: { refundOwedAt: { not: null }, refundedAt: null, refundNextAt: { lte: new Date(at) } },
    select: { id: true },
    orderBy: { refundNextAt: "asc" },
    take: BATCH,
  });
  for (const r of refunds) {
    try {
      await runOwedRefund(r.id);
    } catch (error) {
      log("attempts").error({ err: error, attemptId: r.id }, "owed refund failed");
    }
  }
}

/** The `payments.reconcile` job: schedules the next slot, then runs the janitor. */
export const reconcileJob: JobHandler<"payments.reconcile"> = async (_payload, ctx) => {
  const at = ctx.now.getTime();
  await scheduleReconciliation(new Date(at + EVERY_MS));
  await reconcileAttempts(at);
};
