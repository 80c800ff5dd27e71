import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import type { PaymentOutcome } from "@/lib/gateway/types";
import { failpoint } from "@/lib/ops/failpoints";
import { settleFailure, settleSuccess } from "./settle";

/** An attempt created or sent this recently may still be on its way to the bank: leave it be. */
export const IN_FLIGHT_GRACE_MS = 60_000;

export type PaymentView = { status: "SUCCEEDED" | "FAILED" | "OPEN"; redirectUrl?: string };

/** Applies what the bank says to one attempt; `requires_action` keeps the customer's next step. */
export async function applyOutcome(paymentId: string, outcome: PaymentOutcome): Promise<PaymentView> {
  switch (outcome.status) {
    case "succeeded":
      await settleSuccess(paymentId, outcome);
      break;
    case "failed":
      await settleFailure(paymentId, outcome.reason);
      break;
    case "requires_action":
      await db.payment.updateMany({
        where: { id: paymentId, status: "SENT" },
        data: { status: "REQUIRES_ACTION", ...(outcome.chargeId ? { gatewayChargeId: outcome.chargeId } : {}) },
      });
      return { status: "OPEN", redirectUrl: outcome.redirectUrl };
    default:
      break;
  }
  return currentView(paymentId);
}

async function currentView(paymentId: string): Promise<PaymentView> {
  const { status } = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { status: true } });
  return { status: status === "SUCCEEDED" || status === "FAILED" ? status : "OPEN" };
}

/**
 * Never trusts a browser or a notification for an outcome: asks the bank about the attempt and
 * settles it. With `cancelOpen`, an attempt still waiting for the customer at the bank is ended
 * there first (the bank answers "succeeded" if it was too late to end it).
 */
export async function confirmPayment(opts: { paymentId: string; cancelOpen?: boolean }): Promise<PaymentView> {
  const p = await db.payment.findUnique({ where: { id: opts.paymentId }, select: { status: true, idempotencyKey: true, updatedAt: true } });
  if (!p) throw new Error(`payment ${opts.paymentId} not found`);
  if (p.status === "SUCCEEDED" || p.status === "FAILED") return { status: p.status };

  const gateway = getGateway();
  const lookup = { idempotencyKey: p.idempotencyKey };
  let outcome = await gateway.getOutcome(lookup);
  if (opts.cancelOpen && (outcome.status === "requires_action" || outcome.status === "pending")) outcome = await gateway.cancel(lookup);
  if (outcome.status === "not_found" && now().getTime() - p.updatedAt.getTime() > IN_FLIGHT_GRACE_MS) {
    // Created but the call never reached the bank (the server died in between): nothing was charged.
    await settleFailure(opts.paymentId, "not_sent");
    return { status: "FAILED" };
  }
  if (outcome.status === "succeeded") failpoint("payment.confirm-before-record");
  return applyOutcome(opts.paymentId, outcome);
}
