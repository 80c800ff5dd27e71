import "server-only";
import type { Staff } from "@/lib/auth/session";
import type { Tx } from "@/lib/db";
import { lockInvoice } from "@/lib/invoices/lock";
import { SettlementError } from "./errors";
import type { PaymentFacts } from "./rules";

/** Resending receipts and settling payments are Amministrazione's: checked here, whatever the page did. */
export function assertAdministration(staff: Staff) {
  if (staff.role !== "AMMINISTRAZIONE") throw new SettlementError("not_allowed");
}

/** Locks the payment's invoice, then reads the payment as it is under that lock. */
export async function loadLockedPayment(tx: Tx, invoicePaymentId: string) {
  const ref = await tx.invoicePayment.findUnique({ where: { id: invoicePaymentId }, select: { invoiceId: true } });
  if (!ref || (await lockInvoice(tx, ref.invoiceId)) === null) throw new SettlementError("not_found");
  const p = await tx.invoicePayment.findUniqueOrThrow({
    where: { id: invoicePaymentId },
    select: {
      id: true, regime: true, balanceSeq: true, payerName: true, receiptEmail: true, settlement: true,
      attempt: { select: { status: true, amountCents: true, refundOwedAt: true, refundedAt: true } },
      invoice: {
        select: {
          id: true, number: true, status: true, splitPayment: true, balanceSeq: true, netCents: true, vatCents: true, totalCents: true,
          customer: { select: { customerCode: true, locale: true } },
        },
      },
    },
  });
  const { attempt, ...payment } = p;
  const facts: PaymentFacts = { status: attempt.status, regime: p.regime, balanceSeq: p.balanceSeq, refundOwed: !!attempt.refundOwedAt, refunded: !!attempt.refundedAt, settlement: p.settlement };
  return { ...payment, amountCents: attempt.amountCents, facts };
}

export type LockedPayment = Awaited<ReturnType<typeof loadLockedPayment>>;
