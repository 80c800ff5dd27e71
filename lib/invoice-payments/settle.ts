import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import type { CardDetails, DeclineReason } from "@/lib/gateway/types";
import { amountDue } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock";
import { isUniqueViolation } from "@/lib/payments/errors";
import { paymentStatusesBefore } from "@/lib/payments/state";
import { queueReceipt } from "@/lib/receipts/queue";

class OrphanChargeError extends Error {}

export type SuccessOutcome = { chargeId: string; amountCents: number; card: CardDetails };

/** The key that lets one payment succeed per balance of an invoice (unique in the table). */
export const balanceKey = (invoiceId: string, balanceSeq: number) => `${invoiceId}:${balanceSeq}`;

/**
 * The bank says the attempt succeeded: in one transaction, under the invoice's row lock, the
 * attempt is SUCCEEDED, the invoice PAID, the audit written and the quietanza queued. Idempotent.
 * If the invoice was paid meanwhile, or its balance changed (Amministrazione opened another), the
 * unique `succeededBalanceKey` or the re-check refuses it and the charge is refunded, never kept.
 */
export async function settleInvoiceSuccess(invoicePaymentId: string, outcome: SuccessOutcome) {
  try {
    await db.$transaction((tx) => recordSuccess(tx, invoicePaymentId, outcome));
  } catch (error) {
    if (!(error instanceof OrphanChargeError) && !isUniqueViolation(error, "succeededBalanceKey")) throw error;
    await refundOrphan(invoicePaymentId, outcome.chargeId, outcome.amountCents);
  }
}

async function recordSuccess(tx: Tx, id: string, outcome: SuccessOutcome) {
  const at = now();
  const { invoiceId } = await tx.invoicePayment.findUniqueOrThrow({ where: { id }, select: { invoiceId: true } });
  const invoice = await lockInvoice(tx, invoiceId);
  const p = await tx.invoicePayment.findUniqueOrThrow({
    where: { id },
    select: { status: true, balanceSeq: true, regime: true, amountCents: true, receiptEmail: true },
  });
  if (p.status === "SUCCEEDED") return;
  if (p.status === "FAILED" || !invoice) throw new OrphanChargeError(id);
  // What was charged must still be exactly what this balance of the invoice asks.
  if (invoice.balanceSeq !== p.balanceSeq || amountDue(invoice, p.regime) !== p.amountCents || outcome.amountCents !== p.amountCents) {
    throw new OrphanChargeError(id);
  }
  const moved = await tx.invoicePayment.updateMany({
    where: { id, status: { in: paymentStatusesBefore("SUCCEEDED") } },
    data: {
      status: "SUCCEEDED", succeededBalanceKey: balanceKey(invoiceId, p.balanceSeq), activeInvoiceId: null, gatewayChargeId: outcome.chargeId,
      cardBrand: outcome.card.brand, cardLast4: outcome.card.last4, settledAt: at,
    },
  });
  if (moved.count === 0) return; // settled meanwhile by another confirmation
  const paid = await tx.invoice.updateMany({
    where: { id: invoiceId, status: { in: ["UNPAID", "PARTIALLY_PAID"] }, balanceSeq: p.balanceSeq },
    data: { status: "PAID", balanceCents: 0, paidAt: at },
  });
  if (paid.count === 0) throw new OrphanChargeError(id);
  await writeAudit(tx, {
    actor: actorOf.anonymous, action: "invoice.payment.succeeded", entity: "invoice", entityId: invoiceId,
    data: { invoicePaymentId: id, chargeId: outcome.chargeId, amountCents: p.amountCents, regime: p.regime, balanceSeq: p.balanceSeq },
  });
  await queueReceipt(tx, { invoicePaymentId: id, to: p.receiptEmail });
}

/** The attempt failed at the bank (or never reached it): the invoice stays payable. */
export async function settleInvoiceFailure(invoicePaymentId: string, reason: DeclineReason | "not_sent" | "expired") {
  await db.$transaction(async (tx) => {
    const moved = await tx.invoicePayment.updateMany({
      where: { id: invoicePaymentId, status: { in: paymentStatusesBefore("FAILED") } },
      data: { status: "FAILED", activeInvoiceId: null, failureReason: reason, settledAt: now() },
    });
    if (moved.count === 0) return;
    const p = await tx.invoicePayment.findUniqueOrThrow({ where: { id: invoicePaymentId }, select: { invoiceId: true, amountCents: true } });
    await writeAudit(tx, { actor: actorOf.anonymous, action: "invoice.payment.failed", entity: "invoice", entityId: p.invoiceId, data: { invoicePaymentId, reason, amountCents: p.amountCents } });
  });
}

/** Money taken for an attempt that can't pay the invoice (paid already, balance changed): give it back. */
async function refundOrphan(invoicePaymentId: string, chargeId: string, amountCents: number) {
  const refund = await getGateway().refund({ chargeId, amountCents, idempotencyKey: `refund-orphan-${chargeId}` });
  await db.$transaction(async (tx) => {
    const at = now();
    const p = await tx.invoicePayment.findUniqueOrThrow({ where: { id: invoicePaymentId }, select: { invoiceId: true } });
    await tx.invoicePayment.updateMany({
      where: { id: invoicePaymentId, status: { not: "SUCCEEDED" } },
      data: { status: "FAILED", activeInvoiceId: null, gatewayChargeId: chargeId, failureReason: "refunded_duplicate", refundedCents: refund.refundedCents, refundedAt: at, settledAt: at },
    });
    await writeAudit(tx, {
      actor: actorOf.system, action: "invoice.payment.refunded_duplicate", entity: "invoice", entityId: p.invoiceId,
      data: { invoicePaymentId, chargeId, refundId: refund.refundId, amountCents },
    });
  });
}
