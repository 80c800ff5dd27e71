import "server-only";
import { oweRefund, runOwedRefund } from "@/lib/attempts";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Staff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { settlementInput } from "@/lib/staff/schemas";
import { SettlementError } from "./errors";
import { assertAdministration, loadLockedPayment } from "./load";
import { settlementRefusal } from "./rules";

/**
 * Step one, in one transaction under the invoice row lock: decide. The payment owes its amount
 * back (lib/attempts: the owed refund is the stored intention, retried until done, never
 * abandoned), the invoice is "Rimborso in corso" (payable again, in full, only once the refund is
 * done, so the same balance is never collected twice meanwhile), and the audit says who asked.
 */
export async function requestRefund(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ invoicePaymentId: string }> {
  assertAdministration(opts.staff);
  const parsed = settlementInput.safeParse({ ...(opts.input as object), kind: "refund" });
  if (!parsed.success) throw new SettlementError("invalid_input");

  return db.$transaction(async (tx) => {
    const payment = await loadLockedPayment(tx, parsed.data.invoicePaymentId);
    const invoice = payment.invoice;
    const refusal = settlementRefusal(invoice, payment.facts, "refund");
    if (refusal) throw new SettlementError(refusal);
    const moved = await tx.invoice.updateMany({
      where: { id: invoice.id, status: invoice.status, balanceSeq: invoice.balanceSeq },
      data: { status: "REFUND_PENDING", balanceCents: 0, paidAt: null },
    });
    if (moved.count === 0) throw new SettlementError("already_settled");
    await tx.invoicePayment.update({ where: { id: payment.id }, data: { settlement: "refund" } });
    await oweRefund(tx, payment.id, { reason: "staff", actor: actorOf.staff(opts.staff.staffId) });
    await writeAudit(tx, {
      actor: actorOf.staff(opts.staff.staffId),
      action: "invoice.refund_requested",
      entity: "InvoicePayment",
      entityId: payment.id,
      data: { invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: payment.amountCents },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    return { invoicePaymentId: payment.id };
  });
}

/**
 * "Rimborsa": decide, then refund at once. If the bank refuses or can't be reached now, the
 * decision stands and the reconciliation tries again: the answer is then "pending" (the back
 * office shows it among the refunds to complete), never an error that invites a second decision.
 */
export async function refundInvoicePayment(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ status: "refunded" | "pending" }> {
  const { invoicePaymentId } = await requestRefund(opts);
  return { status: (await runOwedRefund(invoicePaymentId)) === "refunded" ? "refunded" : "pending" };
}
