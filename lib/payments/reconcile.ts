import "server-only";
import { reconcileCardVerifications } from "@/lib/cards/confirm-verification";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { reconcileInvoicePayments } from "@/lib/invoice-payments/reconcile";
import { enqueueJob } from "@/lib/jobs";
import type { JobContext } from "@/lib/jobs/types";
import { confirmPayment } from "./confirm-payment";
import { openPaymentStatuses, RECONCILE_STALE_MS } from "./state";
import { log } from "@/lib/ops/log";

// Every 30 s, an attempt left alone for 20 s: settled at most 50 s after it got stuck (or after
// the restart that follows), with room to spare under "within a minute" on a busy machine.
const EVERY_MS = 30_000;
const STALE_MS = RECONCILE_STALE_MS;
/** The bank's hosted page lasts 15 minutes: past 20, an attempt still waiting is ended there. */
const ABANDONED_MS = 20 * 60_000;

function slotAt(time: number) {
  return new Date(Math.floor(time / EVERY_MS) * EVERY_MS);
}

/** Enqueues the run of the current slot once, however many workers start. */
export async function scheduleReconciliation(at: Date = now()) {
  const slot = slotAt(at.getTime());
  await enqueueJob(db, { type: "payments.reconcile", payload: { slot: slot.toISOString() }, uniqueKey: `payments.reconcile:${slot.toISOString()}`, runAt: slot });
}

/**
 * A payment stuck between "sent to the bank" and "recorded" (the server died, the customer closed
 * the bank's page) is settled from what the bank says, within a minute.
 */
export async function reconcilePayments(_payload: { slot: string }, ctx: JobContext) {
  const at = ctx.now.getTime();
  await scheduleReconciliation(new Date(at + EVERY_MS));
  const stuck = await db.payment.findMany({
    where: { status: { in: [...openPaymentStatuses] }, updatedAt: { lt: new Date(at - STALE_MS) } },
    select: { id: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: 100,
  });
  for (const p of stuck) {
    try {
      await confirmPayment({ paymentId: p.id, cancelOpen: at - p.updatedAt.getTime() > ABANDONED_MS });
    } catch (error) {
      log("payments").error({ err: error, paymentId: p.id }, "reconcile failed");
    }
  }
  await reconcileCardVerifications(at);
  await reconcileInvoicePayments(at);
}
