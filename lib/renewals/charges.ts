import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import type { EmailProps } from "@/lib/email";
import { PaymentError } from "@/lib/payments/errors";
import { startOffSessionPayments, type OffSessionResult } from "@/lib/payments/start-payment";
import { areaUrl, sendNoticeOnce } from "./notice";
import { dueStage, nextStageAt, renewalKey } from "./schedule";

export type ChargeOutcome = "charged" | "failed" | "skipped";
type FailureReason = EmailProps<"renewal-failed">["reason"];

const knownReasons: readonly string[] = ["declined", "insufficient_funds", "expired_card", "authentication_required"];

/**
 * Charges the renewal order of a service off-session at the stage due at `at`. Each stage is
 * claimed by one conditional update (`autoChargeStage` < stage), in the transaction that opens
 * the attempt under the order's lock: of two workers only one goes on, an order paid meanwhile (by
 * hand, or by the other worker) is no longer payable, and a transaction that fails takes its
 * claim with it.
 */
export async function chargeRenewalOrder(orderId: string, at: Date): Promise<ChargeOutcome> {
  const [result] = (await chargeRenewalOrders([orderId], at)).values();
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

const orderFields = {
  id: true, number: true, status: true, renewalKey: true, autoChargeStage: true, totalCents: true, customerId: true,
  service: { select: { id: true, name: true, status: true, expiresAt: true, autoRenewal: true } },
} as const;

/**
 * `chargeRenewalOrder` for a batch of orders: read at once, the due stage of each worked out, the
 * stages claimed and the charges opened together (lib/payments/off-session.ts). Answers each order id's outcome, or the error of that order alone.
 */
export async function chargeRenewalOrders(orderIds: string[], at: Date): Promise<Map<string, PromiseSettledResult<ChargeOutcome>>> {
  const results = new Map<string, PromiseSettledResult<ChargeOutcome>>(orderIds.map((id) => [id, { status: "fulfilled", value: "skipped" }]));
  const orders = await db.order.findMany({ where: { id: { in: orderIds } }, select: orderFields });
  const byStage = new Map<number, typeof orders>();
  for (const order of orders) {
    const service = order.service;
    if (!service?.expiresAt || order.status !== "AWAITING_PAYMENT" || service.status !== "ACTIVE" || !service.autoRenewal) continue;
    if (order.renewalKey !== renewalKey(service.id, service.expiresAt) || at >= service.expiresAt) continue;
    const stage = dueStage(service.expiresAt, at);
    if (stage <= order.autoChargeStage) continue;
    byStage.set(stage, [...(byStage.get(stage) ?? []), order]);
  }
  const claimed = [...byStage].flatMap(([stage, group]) => group.map((order) => ({ order, stage })));
  if (claimed.length === 0) return results;

  // The charge checks again, under the order's lock, that it may happen (renewal on, card,
  // ceiling), and claims the stage in the transaction that opens the attempt.
  const charges = await startOffSessionPayments({ orderIds: claimed.map((c) => c.order.id), at, stages: new Map(claimed.map((c) => [c.order.id, c.stage])) });
  for (const [i, { order, stage }] of claimed.entries()) {
    const charge = charges[i];
    let outcome: ChargeOutcome | FailureReason;
    if (charge.status === "rejected") {
      // Paid or being paid by hand at this very moment, or this stage charged by another worker: nothing to charge.
      if (charge.reason instanceof PaymentError) continue;
      // No attempt could be opened (a deadlock, a timeout, the database away): its transaction
      // took the stage's claim with it, so the job's retry charges it.
      results.set(order.id, charge);
      continue;
    }
    outcome = outcomeOf(charge.value);
    if (outcome === "charged" || outcome === "skipped") {
      results.set(order.id, { status: "fulfilled", value: outcome });
      continue;
    }
    try {
      await recordFailure({ order, service: { ...order.service!, expiresAt: order.service!.expiresAt! }, stage, reason: outcome, at });
      results.set(order.id, { status: "fulfilled", value: "failed" });
    } catch (reason) {
      results.set(order.id, { status: "rejected", reason });
    }
  }
  return results;
}

function outcomeOf(result: OffSessionResult): "charged" | "skipped" | FailureReason {
  if (result.status === "SUCCEEDED") return "charged";
  // Still open (the bank's answer was lost): reconciliation settles it. Switched off meanwhile: nothing to do.
  if (result.status === "OPEN") return "skipped";
  if (result.status === "REFUSED") return result.reason === "renewal_off" ? "skipped" : result.reason;
  return knownReasons.includes(result.failureReason ?? "") ? (result.failureReason as FailureReason) : "other";
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
