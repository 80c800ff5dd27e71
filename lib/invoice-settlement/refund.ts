import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Staff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { getGateway } from "@/lib/gateway";
import { amountDue, invoiceRegime } from "@/lib/invoices/amounts";
import { enqueueJob, type JobHandler } from "@/lib/jobs";
import { areaUrl } from "@/lib/renewals/notice";
import { settlementInput } from "@/lib/staff/schemas";
import { SettlementError } from "./errors";
import { assertAdministration, loadLockedPayment } from "./load";
import { settlementRefusal } from "./rules";
import { log } from "@/lib/ops/log";

/** The job that finishes a refund if the server dies between the decision and the bank's answer. */
const REFUND_BACKSTOP_DELAY_MS = 60_000;

/** One refund per payment, at the bank and here: the same key however often it is tried. */
export const refundKey = (invoicePaymentId: string) => `invoice-refund:${invoicePaymentId}`;

/**
 * Step one, in one transaction under the invoice row lock: decide. The invoice goes back to
 * UNPAID on a new balanceSeq (so it can be paid again in the right regime, and the payment can't
 * be settled a second time), the audit says who asked, and the refund job is enqueued: that job
 * row is the stored intention, so a refund decided is a refund done, even after a crash.
 */
export async function requestRefund(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ invoicePaymentId: string }> {
  assertAdministration(opts.staff);
  const parsed = settlementInput.safeParse({ ...(opts.input as object), kind: "refund" });
  if (!parsed.success) throw new SettlementError("invalid_input");

  return db.$transaction(async (tx) => {
    const payment = await loadLockedPayment(tx, parsed.data.invoicePaymentId);
    const invoice = payment.invoice;
    const refusal = settlementRefusal(invoice, payment, "refund");
    if (refusal) throw new SettlementError(refusal);
    if (!payment.gatewayChargeId) throw new Error(`succeeded invoice payment ${payment.id} without a charge`);

    const moved = await tx.invoice.updateMany({
      where: { id: invoice.id, status: "PAID", balanceSeq: payment.balanceSeq },
      data: { status: "UNPAID", balanceCents: 0, balanceSeq: { increment: 1 }, paidAt: null },
    });
    if (moved.count === 0) throw new SettlementError("already_settled");

    await enqueueJob(tx, {
      type: "invoices.refund",
      payload: { invoicePaymentId: payment.id, staffId: opts.staff.staffId },
      uniqueKey: refundKey(payment.id),
      runAt: new Date(now().getTime() + REFUND_BACKSTOP_DELAY_MS),
      maxAttempts: 20,
    });
    await writeAudit(tx, {
      actor: actorOf.staff(opts.staff.staffId),
      action: "invoice.refund_requested",
      entity: "InvoicePayment",
      entityId: payment.id,
      data: { invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: payment.amountCents, balanceSeq: invoice.balanceSeq + 1 },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    return { invoicePaymentId: payment.id };
  });
}

/**
 * Step two, outside any transaction: the bank, then the record. Safe to run any number of times
 * and at once (the staff's click and the backstop job): the bank answers the same key with the
 * same refund, and `refundedAt` is set by one conditional update, which alone audits and e-mails.
 * Runs only for a payment whose refund was decided (its job exists).
 */
export async function completeRefund(opts: { invoicePaymentId: string; staffId: string }): Promise<"refunded" | "already_refunded"> {
  const intention = await db.job.findUnique({ where: { uniqueKey: refundKey(opts.invoicePaymentId) }, select: { id: true } });
  if (!intention) throw new SettlementError("not_found");
  const p = await db.invoicePayment.findUniqueOrThrow({
    where: { id: opts.invoicePaymentId },
    select: { id: true, amountCents: true, refundedAt: true, gatewayChargeId: true, payerName: true, receiptEmail: true, cardBrand: true, cardLast4: true, invoiceId: true },
  });
  if (p.refundedAt) return "already_refunded";

  const refund = await getGateway().refund({ chargeId: p.gatewayChargeId!, amountCents: p.amountCents, idempotencyKey: refundKey(p.id) });

  return db.$transaction(async (tx) => {
    const at = now();
    const moved = await tx.invoicePayment.updateMany({ where: { id: p.id, refundedAt: null }, data: { refundedCents: refund.refundedCents, refundedAt: at } });
    if (moved.count === 0) return "already_refunded";
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: p.invoiceId },
      select: { id: true, number: true, status: true, splitPayment: true, netCents: true, totalCents: true, balanceCents: true, customer: { select: { customerCode: true, locale: true } } },
    });
    await writeAudit(tx, {
      actor: actorOf.staff(opts.staffId),
      action: "invoice.refunded",
      entity: "InvoicePayment",
      entityId: p.id,
      data: { invoiceId: invoice.id, invoiceNumber: invoice.number, refundId: refund.refundId, refundedCents: refund.refundedCents },
    });
    const regime = invoiceRegime(invoice);
    // What the invoice asks now in its own regime (the full amount: it is UNPAID again).
    const due = amountDue({ ...invoice, status: "UNPAID" }, regime) ?? invoice.totalCents;
    await queueEmail(tx, {
      to: p.receiptEmail,
      template: "invoice-payment-refunded",
      props: {
        name: p.payerName,
        invoiceNumber: invoice.number,
        customerCode: invoice.customer.customerCode,
        refundedCents: refund.refundedCents,
        card: p.cardBrand && p.cardLast4 ? `${p.cardBrand} •••• ${p.cardLast4}` : "—",
        transactionId: p.gatewayChargeId!,
        amountDueCents: due,
        regime,
        payUrl: areaUrl("/paga-fattura"),
      },
      locale: invoice.customer.locale,
    });
    return "refunded";
  });
}

/**
 * "Rimborsa": decide, then refund at once. If the bank can't be reached now, the decision stands
 * and the job finishes it: the answer is then "pending", never an error that invites a retry.
 */
export async function refundInvoicePayment(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ status: "refunded" | "pending" }> {
  const { invoicePaymentId } = await requestRefund(opts);
  try {
    await completeRefund({ invoicePaymentId, staffId: opts.staff.staffId });
    return { status: "refunded" };
  } catch (error) {
    log("settlement").error({ err: error, invoicePaymentId }, "refund left to its job");
    return { status: "pending" };
  }
}

/** The backstop job ("invoices.refund"); throwing retries it with backoff. */
export const refundJob: JobHandler<"invoices.refund"> = async (payload) => {
  await completeRefund(payload);
};
