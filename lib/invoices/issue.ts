import "server-only";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { nextYearlyNumber } from "@/lib/db/numbering";

/**
 * The invoice of an order paid in the area: PAID at once, one line per order item, the order's
 * amounts. Called by the settlement in the same transaction that marks the order paid, so an
 * order is never paid without its invoice.
 *
 * Idempotent: the settlement holds the order's row lock (lockOrder), so two settlements of one
 * order never get here at the same time, and `Invoice.orderId` is unique in any case. We look
 * first rather than catch the unique violation because a failed statement aborts the whole
 * PostgreSQL transaction, the payment included.
 */
export async function issueInvoiceForOrder(tx: Tx, orderId: string) {
  const existing = await tx.invoice.findUnique({ where: { orderId }, select: { id: true, number: true } });
  if (existing) return existing;
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { customerId: true, status: true, paidAt: true, netCents: true, vatCents: true, totalCents: true,
      items: { select: { description: true, quantity: true, netCents: true, vatRateBps: true, vatCents: true, totalCents: true }, orderBy: { id: "asc" } } },
  });
  if (order.status !== "PAID") throw new Error(`order ${orderId} is not paid: no invoice`);
  const at = order.paidAt ?? now();
  const invoice = await tx.invoice.create({
    data: {
      number: await nextYearlyNumber(tx, "Invoice"), customerId: order.customerId, orderId, issuedAt: at, paidAt: at, status: "PAID", splitPayment: false,
      netCents: order.netCents, vatCents: order.vatCents, totalCents: order.totalCents,
    },
    select: { id: true, number: true },
  });
  // The lines apart: a nested create costs a read back of the invoice, under the numbers' lock.
  await tx.invoiceLine.createMany({
    data: order.items.map((item, index) => ({
      invoiceId: invoice.id, position: index + 1, description: item.description, quantity: item.quantity, unitNetCents: Math.round(item.netCents / Math.max(item.quantity, 1)),
      netCents: item.netCents, vatRateBps: item.vatRateBps, vatCents: item.vatCents, totalCents: item.totalCents,
    })),
  });
  return invoice;
}
