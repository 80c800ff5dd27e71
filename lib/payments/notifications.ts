import "server-only";
import { confirmCardVerification } from "@/lib/cards/confirm-verification";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { getGateway } from "@/lib/gateway";
import { confirmInvoicePayment } from "@/lib/invoice-payments/confirm";
import { confirmPayment } from "./confirm-payment";
import { isUniqueViolation } from "./errors";

export type NotificationResult = "accepted" | "duplicate" | "rejected" | "unknown_payment";

/**
 * A signed server-to-server notification from the bank. Only a trigger: the outcome is asked to
 * the bank again before anything changes, and a notification already seen changes nothing.
 */
export async function receiveGatewayNotification(rawBody: string, headers: Headers): Promise<NotificationResult> {
  const signal = getGateway().verifyNotification(rawBody, headers);
  if (!signal) return "rejected";
  if (signal.merchantRef === null) return "duplicate";
  if (!isUuid(signal.merchantRef)) return "unknown_payment";
  const payment = await db.payment.findUnique({ where: { id: signal.merchantRef }, select: { id: true } });
  // A card verification ("Aggiungi una carta") has its id as merchantRef, like a payment.
  const verification = payment ? null : await db.cardVerification.findUnique({ where: { id: signal.merchantRef }, select: { id: true } });
  // And so does an invoice payment (Paga fattura).
  const invoicePayment = payment || verification ? null : await db.invoicePayment.findUnique({ where: { id: signal.merchantRef }, select: { id: true } });
  if (!payment && !verification && !invoicePayment) return "unknown_payment";
  try {
    await db.gatewayNotification.create({ data: { id: signal.id } });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  if (payment) await confirmPayment({ paymentId: payment.id });
  else if (verification) await confirmCardVerification({ verificationId: verification.id });
  else await confirmInvoicePayment({ invoicePaymentId: invoicePayment!.id });
  return "accepted";
}

/** The browser came back from the bank: the signature is checked, the outcome asked to the bank. */
export async function handlePaymentReturn(opts: { paymentId: string; customerId: string; query: URLSearchParams }) {
  if (!isUuid(opts.paymentId)) return null;
  const payment = await db.payment.findFirst({ where: { id: opts.paymentId, customerId: opts.customerId }, select: { id: true, orderId: true } });
  if (!payment) return null;
  const signal = getGateway().verifyReturn(opts.query);
  if (signal && signal.merchantRef !== payment.id) return null;
  // Valid, stale or missing signature alike: the bank's own answer decides.
  const view = await confirmPayment({ paymentId: payment.id });
  return { orderId: payment.orderId, status: view.status };
}
