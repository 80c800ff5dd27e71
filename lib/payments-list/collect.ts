import "server-only";
import { db } from "@/lib/db";
import { fromRomeWall } from "@/lib/renewals/schedule";
import type { PaymentRow } from "./csv";

/** The instant an Italian calendar day ("YYYY-MM-DD") starts; `plusDays` moves it. */
function romeMidnight(day: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number);
  return fromRomeWall({ year, month, day: date + plusDays, hour: 0, minute: 0, second: 0, ms: 0 });
}

/**
 * The customer's successful payments settled between the start of `from` and the end of `to`
 * (Italian days), oldest first: invoices paid on Paga fattura (whoever paid them) and orders paid
 * in the area, by the customer or by the renewal engine.
 */
export async function collectPayments(opts: { customerId: string; from: string; to: string }): Promise<PaymentRow[]> {
  const settledAt = { gte: romeMidnight(opts.from), lt: romeMidnight(opts.to, 1) };
  const succeeded = { status: "SUCCEEDED" as const, settledAt };
  const attemptFields = { settledAt: true, amountCents: true, gatewayChargeId: true, cardBrand: true, cardLast4: true, refundedCents: true, offSession: true } as const;
  const [invoicePayments, orderPayments] = await Promise.all([
    db.invoicePayment.findMany({
      where: { attempt: succeeded, invoice: { customerId: opts.customerId } },
      select: { regime: true, attempt: { select: attemptFields }, invoice: { select: { number: true } }, receipt: { select: { number: true } } },
    }),
    db.payment.findMany({
      where: { attempt: succeeded, customerId: opts.customerId },
      select: { attempt: { select: attemptFields }, card: { select: { brand: true, last4: true } }, order: { select: { number: true, invoice: { select: { number: true } } } } },
    }),
  ]);
  const cardOf = (a: { cardBrand: string | null; cardLast4: string | null }) => (a.cardBrand && a.cardLast4 ? { brand: a.cardBrand, last4: a.cardLast4 } : null);
  const rows: PaymentRow[] = [
    ...invoicePayments.map(({ attempt: a, ...p }) => ({
      paidAt: a.settledAt!,
      kind: "invoice" as const,
      invoiceNumber: p.invoice.number,
      orderNumber: null,
      amountCents: a.amountCents,
      regime: p.regime,
      card: cardOf(a),
      transactionId: a.gatewayChargeId,
      receiptNumber: p.receipt?.number ?? null,
      refundedCents: a.refundedCents,
    })),
    ...orderPayments.map(({ attempt: a, ...p }) => ({
      paidAt: a.settledAt!,
      kind: a.offSession ? ("renewal" as const) : ("order" as const),
      invoiceNumber: p.order.invoice?.number ?? null,
      orderNumber: p.order.number,
      amountCents: a.amountCents,
      regime: null,
      card: p.card ?? cardOf(a),
      transactionId: a.gatewayChargeId,
      receiptNumber: null,
      refundedCents: a.refundedCents,
    })),
  ];
  return rows.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
}
