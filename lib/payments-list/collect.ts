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
  const [invoicePayments, orderPayments] = await Promise.all([
    db.invoicePayment.findMany({
      where: { status: "SUCCEEDED", settledAt, invoice: { customerId: opts.customerId } },
      select: { settledAt: true, amountCents: true, regime: true, cardBrand: true, cardLast4: true, gatewayChargeId: true, refundedCents: true, invoice: { select: { number: true } }, receipt: { select: { number: true } } },
    }),
    db.payment.findMany({
      where: { status: "SUCCEEDED", settledAt, customerId: opts.customerId },
      select: { settledAt: true, amountCents: true, gatewayChargeId: true, offSession: true, card: { select: { brand: true, last4: true } }, order: { select: { number: true, invoice: { select: { number: true } } } } },
    }),
  ]);
  const rows: PaymentRow[] = [
    ...invoicePayments.map((p) => ({
      paidAt: p.settledAt!,
      kind: "invoice" as const,
      invoiceNumber: p.invoice.number,
      orderNumber: null,
      amountCents: p.amountCents,
      regime: p.regime,
      card: p.cardBrand && p.cardLast4 ? { brand: p.cardBrand, last4: p.cardLast4 } : null,
      transactionId: p.gatewayChargeId,
      receiptNumber: p.receipt?.number ?? null,
      refundedCents: p.refundedCents,
    })),
    ...orderPayments.map((p) => ({
      paidAt: p.settledAt!,
      kind: p.offSession ? ("renewal" as const) : ("order" as const),
      invoiceNumber: p.order.invoice?.number ?? null,
      orderNumber: p.order.number,
      amountCents: p.amountCents,
      regime: null,
      card: p.card,
      transactionId: p.gatewayChargeId,
      receiptNumber: null,
      refundedCents: 0,
    })),
  ];
  return rows.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
}
