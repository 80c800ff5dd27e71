import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import type { AttemptRef, PaymentOutcome } from "@/lib/gateway/types";
import type { AttemptPurpose } from "@/lib/db/generated/enums";
import { failpoint } from "@/lib/ops/failpoints";
import { settleFailure, settleSuccess } from "./settle";
import { IN_FLIGHT_GRACE_MS, viewOf, type AttemptView } from "./state";

const refFields = { id: true, idempotencyKey: true, gatewaySessionId: true, gatewayChargeId: true } as const;

/** What the bank is told of the attempt when asked about it. */
export function attemptRef(a: { id: string; idempotencyKey: string; gatewaySessionId: string | null; gatewayChargeId: string | null }): AttemptRef {
  return { merchantRef: a.id, idempotencyKey: a.idempotencyKey, sessionId: a.gatewaySessionId, chargeId: a.gatewayChargeId };
}

export async function currentView(attemptId: string): Promise<AttemptView> {
  const { status } = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } });
  return viewOf(status);
}

/**
 * The one place where the bank's answer about an attempt becomes its status. `requires_action`
 * keeps the payer's next step (the bank's page), unless the attempt was settled meanwhile.
 */
export async function applyOutcome(attemptId: string, outcome: PaymentOutcome, known: { purpose?: AttemptPurpose } = {}): Promise<AttemptView> {
  switch (outcome.status) {
    case "succeeded":
      await settleSuccess(attemptId, outcome, known);
      break;
    case "failed":
      await settleFailure(attemptId, outcome.reason);
      break;
    case "requires_action": {
      await db.attempt.updateMany({
        where: { id: attemptId, status: "SENT" },
        data: { status: "REQUIRES_ACTION", ...(outcome.chargeId ? { gatewayChargeId: outcome.chargeId } : {}) },
      });
      const view = await currentView(attemptId);
      return view.status === "OPEN" ? { ...view, redirectUrl: outcome.redirectUrl } : view;
    }
    default:
      break;
  }
  return currentView(attemptId);
}

/**
 * Never trusts a browser or a notification for an outcome: asks the bank about the attempt and
 * settles it. With `cancelOpen`, an attempt still waiting for its payer at the bank is ended there
 * first (the bank answers "succeeded" if it was too late to end it). An attempt closed without the
 * bank's answer is asked about again while the bank may still complete it, or when the bank speaks
 * of it (`fromBank`): a late success is refunded (settleSuccess). A prepared attempt that holds
 * nothing yet has nothing at the bank.
 */
export async function confirmAttempt(attemptId: string, opts: { cancelOpen?: boolean; fromBank?: boolean } = {}): Promise<AttemptView> {
  const a = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { ...refFields, status: true, activeKey: true, updatedAt: true, sentAt: true, recheckUntil: true, refundOwedAt: true },
  });
  if (!a) throw new Error(`attempt ${attemptId} not found`);
  if (a.status === "SUCCEEDED") return viewOf(a.status);
  if (a.status === "FAILED") {
    // Asked again: while the bank may still complete a close without its answer, and whenever the
    // bank itself (a notification, a return) speaks of an attempt that reached it.
    const mayHaveSucceeded = (a.recheckUntil && a.recheckUntil > now()) || (opts.fromBank && a.sentAt);
    if (mayHaveSucceeded && !a.refundOwedAt) {
      const late = await getGateway().getOutcome(attemptRef(a));
      if (late.status === "succeeded") await settleSuccess(attemptId, late);
    }
    return viewOf(a.status);
  }
  if (a.status === "CREATED" && !a.activeKey) return viewOf(a.status);

  const gateway = getGateway();
  const ref = attemptRef(a);
  let outcome = await gateway.getOutcome(ref);
  if (opts.cancelOpen && (outcome.status === "requires_action" || outcome.status === "pending")) outcome = await gateway.cancel(ref);
  if (outcome.status === "not_found") {
    if (now().getTime() - (a.sentAt ?? a.updatedAt).getTime() <= IN_FLIGHT_GRACE_MS) return viewOf(a.status);
    // Nothing at the bank a minute after: never sent (CREATED), or sent and not arrived (yet).
    await settleFailure(attemptId, "not_sent", a.sentAt ? { recheckFrom: a.sentAt } : {});
    return currentView(attemptId);
  }
  if (outcome.status === "succeeded") failpoint("attempt.confirm-before-record");
  return applyOutcome(attemptId, outcome);
}
