import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { nextYearlyNumber } from "@/lib/db/numbering";
import { now } from "@/lib/clock";
import { enqueueJob } from "@/lib/jobs";

/**
 * Numbers the quietanza of a successful invoice payment (once) and asks the receipts job to make
 * its PDF and e-mail it to `to`. Call it inside the transaction that records the success (or the
 * staff's resend), so that the receipt is sent if and only if that change commits.
 * `resend: false` (the payment's own receipt) is enqueued once however often it is called.
 */
export async function queueReceipt(tx: Tx, opts: { invoicePaymentId: string; to: string; resend?: boolean }) {
  const existing = await tx.receipt.findUnique({ where: { invoicePaymentId: opts.invoicePaymentId }, select: { id: true, number: true } });
  const receipt = existing ?? (await tx.receipt.create({
    data: { invoicePaymentId: opts.invoicePaymentId, number: await nextYearlyNumber(tx, "Receipt"), createdAt: now() },
    select: { id: true, number: true },
  }));
  const uniqueKey = opts.resend ? `receipts.send:${receipt.id}:${randomUUID()}` : `receipts.send:${receipt.id}:first`;
  await enqueueJob(tx, { type: "receipts.send", payload: { receiptId: receipt.id, to: opts.to }, uniqueKey });
  return receipt;
}
