import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { lockCustomerCards } from "@/lib/cards/lock";
import { cardLabel } from "@/lib/cards/queries";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { issueInvoiceForOrder } from "@/lib/invoices/issue";
import { getGateway } from "@/lib/gateway";
import type { CardDetails, DeclineReason } from "@/lib/gateway/types";
import { withVat } from "@/lib/money";
import { lockOrder } from "@/lib/orders/lock";
import { isUniqueViolation } from "./errors";
import { paymentStatusesBefore } from "./state";

class OrphanChargeError extends Error {}

/** One year later, same day and time (29 February → 28 February). */
function plusOneYear(from: Date): Date {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  if (d.getUTCDate() !== from.getUTCDate()) d.setUTCDate(0);
  return d;
}

/**
 * The bank says the attempt succeeded: in one transaction the order is paid, the service
 * activated or extended, automatic renewal turned on where the product allows it with this card,
 * the card saved, the audit written and the e-mails queued. Idempotent; the unique
 * `succeededOrderId` and the conditional order update make a second success impossible to record,
 * and such a charge is refunded instead of kept.
 */
export async function settleSuccess(paymentId: string, outcome: { chargeId: string; amountCents: number; card: CardDetails }) {
  try {
    await db.$transaction((tx) => recordSuccess(tx, paymentId, outcome));
  } catch (error) {
    if (!(error instanceof OrphanChargeError) && !isUniqueViolation(error, "succeededOrderId")) throw error;
    await refundOrphan(paymentId, outcome.chargeId, outcome.amountCents);
  }
}

async function recordSuccess(tx: Tx, paymentId: string, outcome: { chargeId: string; amountCents: number; card: CardDetails }) {
  const at = now();
  const { orderId, customerId } = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true, customerId: true } });
  // Locks in the order every writer takes them (order, then the customer's cards), so that a card
  // removed or replaced at the same moment waits instead of deadlocking.
  await lockOrder(tx, orderId);
  await lockCustomerCards(tx, customerId);
  const p = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: {
      status: true, orderId: true, customerId: true, method: true, amountCents: true, offSession: true,
      customer: { select: { displayName: true, email: true, locale: true } },
      order: { select: { number: true, netCents: true, vatCents: true, totalCents: true, items: { select: { description: true }, take: 1 },
        service: { select: { id: true, name: true, status: true, expiresAt: true, autoRenewal: true, renewalPriceCents: true,
          product: { select: { name: true, autoRenewalAvailable: true, renewalActivationEmail: true } } } } } },
    },
  });
  if (p.status === "SUCCEEDED") return;
  if (p.status === "FAILED") throw new OrphanChargeError(paymentId);

  const token = outcome.card.token;
  if (!token) throw new Error(`payment ${paymentId} succeeded without a saved card`);
  const card = await tx.card.upsert({
    where: { gatewayToken: token },
    create: { customerId: p.customerId, gatewayToken: token, brand: outcome.card.brand, last4: outcome.card.last4, expMonth: outcome.card.expMonth, expYear: outcome.card.expYear, holder: outcome.card.holder },
    update: { removedAt: null },
    select: { id: true, customerId: true, brand: true, last4: true },
  });
  if (card.customerId !== p.customerId) throw new Error(`card token of another customer on payment ${paymentId}`);

  const moved = await tx.payment.updateMany({
    where: { id: paymentId, status: { in: paymentStatusesBefore("SUCCEEDED") } },
    data: { status: "SUCCEEDED", succeededOrderId: p.orderId, activeOrderId: null, gatewayChargeId: outcome.chargeId, cardId: card.id, settledAt: at },
  });
  if (moved.count === 0) return; // settled meanwhile by another confirmation
  const paid = await tx.order.updateMany({ where: { id: p.orderId, status: "AWAITING_PAYMENT" }, data: { status: "PAID", paidAt: at } });
  if (paid.count === 0) throw new OrphanChargeError(paymentId);
  await issueInvoiceForOrder(tx, p.orderId);

  const service = p.order.service;
  let expiresAt: Date | null = null;
  let renewalTurnedOn = false;
  if (service) {
    const from = service.status === "ACTIVE" && service.expiresAt && service.expiresAt > at ? service.expiresAt : at;
    expiresAt = plusOneYear(from);
    renewalTurnedOn = service.product.autoRenewalAvailable && !service.autoRenewal;
    await tx.service.update({
      where: { id: service.id },
      data: { status: "ACTIVE", expiresAt, ...(service.status !== "ACTIVE" ? { activatedAt: at } : {}), ...(service.product.autoRenewalAvailable ? { autoRenewal: true } : {}) },
    });
    if (service.product.autoRenewalAvailable) await tx.customer.update({ where: { id: p.customerId }, data: { renewalCardId: card.id } });
  }
  await tx.ceilingConsent.updateMany({ where: { paymentId, cardId: null }, data: { cardId: card.id } });

  await writeAudit(tx, {
    actor: p.offSession ? actorOf.system : actorOf.customer(p.customerId), action: "payment.succeeded", entity: "order", entityId: p.orderId,
    data: { paymentId, chargeId: outcome.chargeId, amountCents: p.amountCents, cardId: card.id, renewalTurnedOn, expiresAt: expiresAt?.toISOString() ?? null },
  });
  const name = p.customer.displayName;
  await queueEmail(tx, {
    to: p.customer.email, locale: p.customer.locale, template: "payment-confirmed",
    props: { name, orderNumber: p.order.number, description: p.order.items[0]?.description ?? p.order.number, netCents: p.order.netCents, vatCents: p.order.vatCents,
      totalCents: p.order.totalCents, card: cardLabel(card), paidAt: at.toISOString(), transactionId: outcome.chargeId, serviceName: service?.name ?? p.order.number, expiresAt: expiresAt?.toISOString() ?? null,
      ...(p.offSession ? { automatic: true } : {}) },
  });
  if (service && renewalTurnedOn && service.product.renewalActivationEmail && expiresAt) {
    await queueEmail(tx, {
      to: p.customer.email, locale: p.customer.locale, template: "renewal-activated",
      props: { name, serviceName: service.name, productName: service.product.name, card: cardLabel(card), nextRenewalAt: expiresAt.toISOString(), renewalTotalCents: withVat(service.renewalPriceCents).totalCents },
    });
  }
}

/** The attempt failed at the bank: the order stays awaiting payment and can be paid again. */
export async function settleFailure(paymentId: string, reason: DeclineReason | "not_sent") {
  await db.$transaction(async (tx) => {
    const moved = await tx.payment.updateMany({
      where: { id: paymentId, status: { in: paymentStatusesBefore("FAILED") } },
      data: { status: "FAILED", activeOrderId: null, failureReason: reason, settledAt: now() },
    });
    if (moved.count === 0) return;
    const p = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true, customerId: true, amountCents: true } });
    await writeAudit(tx, { actor: actorOf.customer(p.customerId), action: "payment.failed", entity: "order", entityId: p.orderId, data: { paymentId, reason, amountCents: p.amountCents } });
  });
}

/** Money taken for an attempt that can't pay the order (already paid, or given up): give it back. */
async function refundOrphan(paymentId: string, chargeId: string, amountCents: number) {
  const refund = await getGateway().refund({ chargeId, amountCents, idempotencyKey: `refund-orphan-${chargeId}` });
  await db.$transaction(async (tx) => {
    const p = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true, customerId: true } });
    await tx.payment.updateMany({ where: { id: paymentId, status: { not: "SUCCEEDED" } }, data: { status: "FAILED", activeOrderId: null, gatewayChargeId: chargeId, failureReason: "refunded_duplicate" } });
    await writeAudit(tx, { actor: actorOf.system, action: "payment.refunded_duplicate", entity: "order", entityId: p.orderId, data: { paymentId, chargeId, refundId: refund.refundId, amountCents } });
  });
}
