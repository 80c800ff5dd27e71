import "server-only";
import { handleBankReturn } from "@/lib/attempts";
import type { Viewer } from "@/lib/auth/session";
import { orderScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

/** The browser came back from the bank to an order payment the viewer may see: the bank is asked. Null: not theirs. */
export async function handlePaymentReturn(opts: { paymentId: string; viewer: Viewer; query: URLSearchParams }) {
  if (!isUuid(opts.paymentId)) return null;
  const payment = await db.payment.findFirst({ where: { id: opts.paymentId, customerId: opts.viewer.customerId, order: { AND: [orderScope(opts.viewer)] } }, select: { orderId: true } });
  if (!payment) return null;
  const view = await handleBankReturn({ attemptId: opts.paymentId, purpose: "ORDER", query: opts.query });
  return view && { orderId: payment.orderId, status: view.status };
}
