import "server-only";
import { SettlesNothing } from "@/lib/attempts/errors";
import type { Debt } from "@/lib/attempts/types";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { amountDue, invoiceRegime, isRegimeMistake } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock";
import { queueReceipt } from "@/lib/receipts/queue";
import { areaUrl } from "@/lib/renewals/notice";

/** The key that lets one payment succeed per balance of an invoice (unique among successes). */
export const balanceKey = (invoiceId: string, balanceSeq: number) => `invoice:${invoiceId}:${balanceSeq}`;

const paymentOf = (tx: Tx, attemptId: string) =>
  tx.invoicePayment.findUniqueOrThrow({ where: { id: attemptId }, select: { invoiceId: true, balanceSeq: true, regime: true, receiptEmail: true, payerName: true } });

/**
 * One balance of an invoice, as what a Paga fattura attempt pays (lib/attempts). Success, under
 * the invoice's row lock: the charge must be exactly what this balance asks in the declared
 * regime. The invoice is then Pagata, or, when an ordinary invoice was paid in Split Payment by
 * mistake, Parzialmente pagata with its VAT as the balance still owed (a new balance, payable in
 * the ordinary regime); the quietanza is queued in the same transaction.
 */
export const invoiceDebt: Debt = {
  async lock(tx, attemptId) {
    await lockInvoice(tx, (await paymentOf(tx, attemptId)).invoiceId);
  },

  async settlesKey(tx, attempt) {
    const p = await paymentOf(tx, attempt.id);
    const invoice = await lockInvoice(tx, p.invoiceId);
    if (!invoice || invoice.balanceSeq !== p.balanceSeq || amountDue(invoice, p.regime) !== attempt.amountCents) return null;
    return balanceKey(p.invoiceId, p.balanceSeq);
  },

  async succeed(tx, attempt, outcome) {
    const at = now();
    const p = await paymentOf(tx, attempt.id);
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: p.invoiceId }, select: { splitPayment: true, vatCents: true } });
    // Split Payment chosen on an ordinary invoice: the net is paid, the VAT is still owed.
    const vatStillOwed = isRegimeMistake(invoice, p) && p.regime === "SPLIT_PAYMENT";
    const moved = await tx.invoice.updateMany({
      where: { id: p.invoiceId, status: { in: ["UNPAID", "PARTIALLY_PAID"] }, balanceSeq: p.balanceSeq },
      data: vatStillOwed
        ? { status: "PARTIALLY_PAID", balanceCents: invoice.vatCents, balanceSeq: { increment: 1 }, paidAt: null }
        : { status: "PAID", balanceCents: 0, paidAt: at },
    });
    if (moved.count === 0) throw new SettlesNothing(attempt.id);
    await writeAudit(tx, {
      actor: actorOf.anonymous, action: "invoice.payment.succeeded", entity: "invoice", entityId: p.invoiceId,
      data: { invoicePaymentId: attempt.id, chargeId: outcome.chargeId, amountCents: attempt.amountCents, regime: p.regime, balanceSeq: p.balanceSeq, stillOwedCents: vatStillOwed ? invoice.vatCents : 0 },
    });
    await queueReceipt(tx, { invoicePaymentId: attempt.id, to: p.receiptEmail });
  },

  async subject(tx, attempt) {
    const p = await paymentOf(tx, attempt.id);
    return { actor: actorOf.anonymous, entity: "invoice", entityId: p.invoiceId, prefix: "invoice.payment", data: { invoicePaymentId: attempt.id } };
  },

  /** A refund Amministrazione decided is done: the invoice is payable again, in full, and the payer is told. */
  async refunded(tx, attempt, refund) {
    if (refund.reason !== "staff") return;
    const p = await paymentOf(tx, attempt.id);
    await tx.invoice.updateMany({
      where: { id: p.invoiceId, status: "REFUND_PENDING" },
      data: { status: "UNPAID", balanceCents: 0, balanceSeq: { increment: 1 }, paidAt: null },
    });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: p.invoiceId },
      select: { number: true, status: true, splitPayment: true, netCents: true, totalCents: true, balanceCents: true, customer: { select: { customerCode: true, locale: true } } },
    });
    const regime = invoiceRegime(invoice);
    const { cardBrand, cardLast4, gatewayChargeId } = await tx.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { cardBrand: true, cardLast4: true, gatewayChargeId: true } });
    await queueEmail(tx, {
      to: p.receiptEmail,
      template: "invoice-payment-refunded",
      props: {
        name: p.payerName, invoiceNumber: invoice.number, customerCode: invoice.customer.customerCode, refundedCents: refund.refundedCents,
        card: cardBrand && cardLast4 ? `${cardBrand} •••• ${cardLast4}` : "—", transactionId: gatewayChargeId ?? "—",
        amountDueCents: amountDue(invoice, regime) ?? invoice.totalCents, regime, payUrl: areaUrl("/paga-fattura"),
      },
      locale: invoice.customer.locale,
    });
  },
};
