import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { getGateway } from "@/lib/gateway";
import type { PaymentOutcome } from "@/lib/gateway/types";
import { failpoint } from "@/lib/ops/failpoints";
import { IN_FLIGHT_GRACE_MS } from "@/lib/payments/confirm-payment";
import { settleInvoiceFailure, settleInvoiceSuccess } from "./settle";

export type InvoicePaymentView = { status: "SUCCEEDED" | "FAILED" | "OPEN"; redirectUrl?: string };

/** Applies what the bank says to one attempt; `requires_action` keeps the payer's next step at the bank. */
export async function applyInvoiceOutcome(invoicePaymentId: string, outcome: PaymentOutcome): Promise<InvoicePaymentView> {
  switch (outcome.status) {
    case "succeeded":
      await settleInvoiceSuccess(invoicePaymentId, outcome);
      break;
    case "failed":
      await settleInvoiceFailure(invoicePaymentId, outcome.reason);
      break;
    case "requires_action":
      await db.invoicePayment.updateMany({
        where: { id: invoicePaymentId, status: "SENT" },
        data: { status: "REQUIRES_ACTION", ...(outcome.chargeId ? { gatewayChargeId: outcome.chargeId } : {}) },
      });
      return { status: "OPEN", redirectUrl: outcome.redirectUrl };
    default:
      break;
  }
  const { status } = await db.invoicePayment.findUniqueOrThrow({ where: { id: invoicePaymentId }, select: { status: true } });
  return { status: status === "SUCCEEDED" || status === "FAILED" ? status : "OPEN" };
}

/**
 * Never trusts a browser or a notification: asks the bank about the attempt and settles it. With
 * `cancelOpen`, an attempt still waiting at the bank is ended there first (the bank answers
 * "succeeded" if it is too late to end it). An attempt still on the summary (not yet "Paga con
 * carta": no `activeInvoiceId`) has nothing at the bank and stays as it is.
 */
export async function confirmInvoicePayment(opts: { invoicePaymentId: string; cancelOpen?: boolean }): Promise<InvoicePaymentView> {
  const p = await db.invoicePayment.findUnique({
    where: { id: opts.invoicePaymentId },
    select: { status: true, idempotencyKey: true, activeInvoiceId: true, updatedAt: true },
  });
  if (!p) throw new Error(`invoice payment ${opts.invoicePaymentId} not found`);
  if (p.status === "SUCCEEDED" || p.status === "FAILED") return { status: p.status };
  if (p.status === "CREATED" && !p.activeInvoiceId) return { status: "OPEN" };

  const gateway = getGateway();
  const lookup = { idempotencyKey: p.idempotencyKey };
  let outcome = await gateway.getOutcome(lookup);
  if (opts.cancelOpen && (outcome.status === "requires_action" || outcome.status === "pending")) outcome = await gateway.cancel(lookup);
  if (outcome.status === "not_found" && now().getTime() - p.updatedAt.getTime() > IN_FLIGHT_GRACE_MS) {
    // Held the invoice but the call never reached the bank (the server died in between): nothing was charged.
    await settleInvoiceFailure(opts.invoicePaymentId, "not_sent");
    return { status: "FAILED" };
  }
  if (outcome.status === "succeeded") failpoint("invoice-payment.confirm-before-record");
  return applyInvoiceOutcome(opts.invoicePaymentId, outcome);
}

/** The browser came back from the bank: the signature is checked, the outcome asked to the bank. Null: not found. */
export async function handleInvoicePaymentReturn(opts: { invoicePaymentId: string; query: URLSearchParams }): Promise<InvoicePaymentView | null> {
  if (!isUuid(opts.invoicePaymentId)) return null;
  const p = await db.invoicePayment.findUnique({ where: { id: opts.invoicePaymentId }, select: { id: true } });
  if (!p) return null;
  const signal = getGateway().verifyReturn(opts.query);
  if (signal && signal.merchantRef !== p.id) return null;
  // Valid, stale or missing signature alike: the bank's own answer decides.
  return confirmInvoicePayment({ invoicePaymentId: p.id });
}
