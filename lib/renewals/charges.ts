import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { EmailProps } from "@/lib/email";
import { PaymentError } from "@/lib/payments/errors";
import { startOffSessionPayment } from "@/lib/payments/start-payment";
import { areaUrl, sendNoticeOnce } from "./notice";
import { dueStage, nextStageAt, renewalKey } from "./schedule";

export type ChargeOutcome = "charged" | "failed" | "skipped";
type FailureReason = EmailProps<"renewal-failed">["reason"];

const knownReasons: readonly string[] = ["declined", "insufficient_funds", "expired_card", "authentication_required"];

/**
 * Charges the renewal order of a service off-session at the stage due at `at`. Each stage is
 * claimed by one conditional update (`autoChargeStage` < stage): of two workers only one goes on,
 * and an order paid meanwhile (by hand, or by the other worker) is no longer AWAITING_PAYMENT.
 */
export async function chargeRenewalOrder(orderId: string, at: Date): Promise<ChargeOutcome> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, status: true, renewalKey: true, autoChargeStage: true, totalCents: true, customerId: true,
      service: { select: { id: true, name: true, status: true, expiresAt: true, autoRenewal: true } } },
  });
  const service = order?.service;
  if (!order || !service?.expiresAt || order.status !== "AWAITING_PAYMENT" || service.status !== "ACTIVE" || !service.autoRenewal) return "skipped";
  if (order.renewalKey !== renewalKey(service.id, service.expiresAt) || at >= service.expiresAt) return "skipped";
  const stage = dueStage(service.expiresAt, at);
  if (stage <= order.autoChargeStage) return "skipped";
  const claimed = await db.order.updateMany({ where: { id: order.id, status: "AWAITING_PAYMENT", autoChargeStage: { lt: stage } }, data: { autoChargeStage: stage } });
  if (claimed.count === 0) return "skipped";

  let reason: FailureReason;
  try {
    // The charge checks again, under the order's lock, that it may happen (renewal on, card, ceiling).
    const result = await startOffSessionPayment({ orderId: order.id, at });
    if (result.status === "SUCCEEDED") return "charged";
    // Still open (the bank's answer was lost): reconciliation settles it. Switched off meanwhile: nothing to do.
    if (result.status === "OPEN") return "skipped";
    if (result.status === "REFUSED") {
      if (result.reason === "renewal_off") return "skipped";
      reason = result.reason;
    } else reason = knownReasons.includes(result.failureReason ?? "") ? (result.failureReason as FailureReason) : "other";
  } catch (error) {
    // Paid or being paid by hand at this very moment: nothing to charge.
    if (error instanceof PaymentError) return "skipped";
    throw error;
  }
  await recordFailure({ order, service: { ...service, expiresAt: service.expiresAt }, stage, reason, at });
  return "failed";
}

async function recordFailure(f: {
  order: { id: string; number: string; totalCents: number; customerId: string };
  service: { id: string; name: string; expiresAt: Date };
  stage: number;
  reason: FailureReason;
  at: Date;
}) {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: f.order.customerId }, select: { displayName: true, email: true, locale: true } });
  const next = nextStageAt(f.service.expiresAt, f.stage);
  await db.$transaction(async (tx) => {
    await writeAudit(tx, { actor: actorOf.system, action: "renewal.charge_failed", entity: "order", entityId: f.order.id, data: { stage: f.stage, reason: f.reason, amountCents: f.order.totalCents, at: f.at.toISOString() } });
    // One e-mail per order, however many retries fail: the home page keeps the notice visible.
    await sendNoticeOnce(tx, { customerId: f.order.customerId, key: `renewal-failed:${f.order.id}`, kind: "renewal-failed" }, {
      to: customer.email, locale: customer.locale, template: "renewal-failed",
      props: { name: customer.displayName, serviceName: f.service.name, orderNumber: f.order.number, totalCents: f.order.totalCents, reason: f.reason,
        nextAttemptAt: next?.toISOString() ?? null, expiresAt: f.service.expiresAt.toISOString(), payUrl: areaUrl(`/ordini/${f.order.id}/paga`) },
    });
  });
}
