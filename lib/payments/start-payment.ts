import "server-only";
import { randomUUID } from "node:crypto";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { recordCeilingConsent } from "@/lib/cards/renewal-setup";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import { failpoint } from "@/lib/ops/failpoints";
import { lockOrder } from "@/lib/orders/lock";
import { isPayable } from "@/lib/orders/state";
import { getCheckout, type CardChoice } from "./checkout";
import { applyOutcome, confirmPayment, IN_FLIGHT_GRACE_MS } from "./confirm-payment";
import { isUniqueViolation, PaymentError } from "./errors";
import { log } from "@/lib/ops/log";

export type StartPaymentResult = { paymentId: string; redirectUrl?: string };

type Attempt = { id: string; idempotencyKey: string; amountCents: number; cardToken?: string; offSession?: boolean };

export const paymentReturnPath = (paymentId: string) => `/pagamenti/${paymentId}/ritorno`;
export const PAYMENT_NOTIFY_PATH = "/api/payments/notify";

/**
 * Pays an order awaiting payment with a saved card or a new one (the bank's hosted page).
 * Amounts come from the database; the attempt and its idempotency key are stored before the bank
 * is called; the unique `activeOrderId` lets only one attempt per order be in flight.
 */
export async function startOrderPayment(opts: { viewer: Viewer; orderId: string; card: CardChoice; ceilingConsent: boolean; ip?: string; userAgent?: string }): Promise<StartPaymentResult> {
  const checkout = await getCheckout(opts.viewer, opts.orderId);
  if (!checkout) throw new PaymentError("order_not_found");
  if (!isPayable(checkout.order.status)) throw new PaymentError(checkout.order.status === "PAID" ? "already_paid" : "not_payable");
  const saved = opts.card.kind === "saved" ? checkout.cards.find((c) => c.id === (opts.card as { cardId: string }).cardId) : undefined;
  if (opts.card.kind === "saved" && !saved) throw new PaymentError("card_not_found");
  const ceiling = checkout.ceilingFor(opts.card);
  if (ceiling && !opts.ceilingConsent) throw new PaymentError("ceiling_consent_required");

  const attempt = await openAttempt({ ...opts, customerId: opts.viewer.customerId, cardId: saved?.id, ceilingCents: ceiling?.amountCents });
  return sendToBank(attempt, opts.viewer.customerId);
}

export type OffSessionResult = { paymentId: string; status: "SUCCEEDED" | "FAILED" | "OPEN"; failureReason?: string };

/**
 * The renewal engine charges the renewal card with the customer absent (merchant-initiated, never
 * challenged). Same guarantees as a payment by hand: the order lock and the unique
 * `activeOrderId` keep it to one attempt in flight, even if the customer is paying at the same
 * moment (then this one gives way: `PaymentError("in_progress")`). The caller checks the card's
 * validity and the ceiling first.
 */
export async function startOffSessionPayment(opts: { orderId: string; cardId: string }): Promise<OffSessionResult> {
  const order = await db.order.findUnique({ where: { id: opts.orderId }, select: { customerId: true } });
  if (!order) throw new PaymentError("order_not_found");
  const card = await db.card.findFirst({ where: { id: opts.cardId, customerId: order.customerId, removedAt: null }, select: { id: true } });
  if (!card) throw new PaymentError("card_not_found");
  let attempt: Attempt;
  try {
    attempt = await openAttempt({ customerId: order.customerId, orderId: opts.orderId, cardId: card.id, offSession: true });
  } catch (error) {
    if (isUniqueViolation(error, "activeOrderId")) throw new PaymentError("in_progress");
    throw error;
  }
  await sendToBank(attempt, order.customerId);
  const p = await db.payment.findUniqueOrThrow({ where: { id: attempt.id }, select: { status: true, failureReason: true } });
  const status = p.status === "SUCCEEDED" || p.status === "FAILED" ? p.status : "OPEN";
  return { paymentId: attempt.id, status, ...(p.failureReason ? { failureReason: p.failureReason } : {}) };
}

/** Off-session attempts (the engine) are not retried here: another attempt in flight wins. */
async function openAttempt(opts: { customerId: string; orderId: string; cardId?: string; ceilingCents?: number; ip?: string; userAgent?: string; offSession?: boolean }): Promise<Attempt> {
  const customerId = opts.customerId;
  const offSession = opts.offSession === true;
  const actor = offSession ? actorOf.system : actorOf.customer(customerId);
  for (let round = 0; round < 3; round++) {
    try {
      return await db.$transaction(async (tx) => {
        const locked = await lockOrder(tx, opts.orderId);
        const order = locked?.customerId === customerId ? locked : null;
        if (!order || !isPayable(order.status)) throw new PaymentError(order?.status === "PAID" ? "already_paid" : "not_payable");
        const card = opts.cardId ? await tx.card.findUniqueOrThrow({ where: { id: opts.cardId }, select: { gatewayToken: true } }) : null;
        const payment = await tx.payment.create({
          data: {
            orderId: opts.orderId, customerId, method: card ? "SAVED_CARD" : "NEW_CARD", cardId: opts.cardId, amountCents: order.totalCents,
            idempotencyKey: `pay_${randomUUID()}`, activeOrderId: opts.orderId, offSession, ip: opts.ip, userAgent: opts.userAgent, createdAt: now(),
          },
          select: { id: true, idempotencyKey: true, amountCents: true },
        });
        if (opts.ceilingCents !== undefined) {
          await recordCeilingConsent(tx, { customerId, cardId: opts.cardId, paymentId: payment.id, amountCents: opts.ceilingCents, ip: opts.ip, userAgent: opts.userAgent });
        }
        await writeAudit(tx, { actor, action: "payment.started", entity: "order", entityId: opts.orderId, data: { paymentId: payment.id, amountCents: payment.amountCents, method: card ? "SAVED_CARD" : "NEW_CARD", ...(offSession ? { offSession } : {}) }, ip: opts.ip, userAgent: opts.userAgent });
        return { ...payment, cardToken: card?.gatewayToken, offSession };
      });
    } catch (error) {
      if (!isUniqueViolation(error, "activeOrderId") || offSession) throw error;
      await settleActiveAttempt(opts.orderId);
    }
  }
  throw new PaymentError("in_progress");
}

/** Another attempt holds the order: end it at the bank if the customer left it, else report it. */
async function settleActiveAttempt(orderId: string) {
  const active = await db.payment.findUnique({ where: { activeOrderId: orderId }, select: { id: true, status: true, updatedAt: true } });
  if (!active) return; // settled meanwhile: try again
  const recent = now().getTime() - active.updatedAt.getTime() < IN_FLIGHT_GRACE_MS;
  if (active.status !== "REQUIRES_ACTION" && recent) throw new PaymentError("in_progress", active.id);
  const view = await confirmPayment({ paymentId: active.id, cancelOpen: true });
  if (view.status === "SUCCEEDED") throw new PaymentError("already_paid", active.id);
  if (view.status === "OPEN") throw new PaymentError("in_progress", active.id);
}

async function sendToBank(attempt: Attempt, customerId: string): Promise<StartPaymentResult> {
  const sent = await db.payment.updateMany({ where: { id: attempt.id, status: "CREATED" }, data: { status: "SENT" } });
  if (sent.count === 0) return { paymentId: attempt.id };
  failpoint("payment.after-open");
  const gateway = getGateway();
  // Off-session: nobody to send back after a challenge, and the bank never asks for one.
  const returnUrl = attempt.offSession ? undefined : paymentReturnPath(attempt.id);
  const common = { amountCents: attempt.amountCents, currency: "EUR" as const, merchantRef: attempt.id, idempotencyKey: attempt.idempotencyKey, notifyUrl: PAYMENT_NOTIFY_PATH };
  try {
    if (!attempt.cardToken) {
      const session = await gateway.createHostedSession({ ...common, returnUrl: paymentReturnPath(attempt.id), kind: "PAYMENT", merchantCustomerRef: customerId, saveCard: true, description: "Pagamento ordine" });
      await db.payment.updateMany({ where: { id: attempt.id, status: "SENT" }, data: { status: "REQUIRES_ACTION", gatewaySessionId: session.sessionId } });
      return { paymentId: attempt.id, redirectUrl: session.redirectUrl };
    }
    const outcome = await gateway.chargeSavedCard({ ...common, returnUrl, cardToken: attempt.cardToken, merchantCustomerRef: customerId, description: "Pagamento ordine", initiator: attempt.offSession ? "MIT" : "CIT" });
    failpoint("payment.after-charge");
    const view = await applyOutcome(attempt.id, outcome);
    failpoint("payment.after-record");
    return { paymentId: attempt.id, redirectUrl: view.redirectUrl };
  } catch (error) {
    // The bank's answer is unknown: the attempt stays SENT and reconciliation settles it.
    log("payments").error({ err: error, paymentId: attempt.id }, "gateway call failed");
    return { paymentId: attempt.id };
  }
}
