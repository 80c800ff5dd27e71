import "server-only";
import { db } from "@/lib/db";
import { confirmInvoicePayment } from "./confirm";
import { expirePrepared, PREPARED_TTL_MS } from "./start";
import { log } from "@/lib/ops/log";
import { RECONCILE_STALE_MS as STALE_MS } from "@/lib/payments/state";

/** The bank's hosted page lasts 15 minutes: past 20, an attempt still waiting is ended there. */
const ABANDONED_MS = 20 * 60_000;

/**
 * Called by the `payments.reconcile` job (lib/payments/reconcile.ts). An invoice attempt stuck
 * between "sent to the bank" and "recorded" (the server died, the payer closed the bank's page) is
 * settled from what the bank says; summaries never paid are closed after PREPARED_TTL_MS.
 */
export async function reconcileInvoicePayments(at: number) {
  await expirePrepared({ createdBefore: new Date(at - PREPARED_TTL_MS) });
  const stuck = await db.invoicePayment.findMany({
    where: {
      updatedAt: { lt: new Date(at - STALE_MS) },
      OR: [{ status: { in: ["SENT", "REQUIRES_ACTION"] } }, { status: "CREATED", activeInvoiceId: { not: null } }],
    },
    select: { id: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: 100,
  });
  for (const p of stuck) {
    try {
      await confirmInvoicePayment({ invoicePaymentId: p.id, cancelOpen: at - p.updatedAt.getTime() > ABANDONED_MS });
    } catch (error) {
      log("invoice-payments").error({ err: error, invoicePaymentId: p.id }, "reconcile failed");
    }
  }
}
