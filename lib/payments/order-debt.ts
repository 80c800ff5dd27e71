import "server-only";
import type { Debt } from "@/lib/attempts/types";
import { SettlesNothing } from "@/lib/attempts/errors";
import { actorOf, writeAudit } from "@/lib/audit";
import { lockCustomerCards } from "@/lib/cards/lock";
import { cardLabel } from "@/lib/cards/queries";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import type { Locale, OrderStatus, PaymentMethod, ServiceStatus } from "@/lib/db/generated/enums";
import { queueEmail } from "@/lib/email";
import { issueInvoiceForOrder } from "@/lib/invoices/issue";
import { withVat } from "@/lib/money";
import { lockOrder } from "@/lib/orders/lock";

/** One year later, same day and time (29 February → 28 February). */
export function plusOneYear(from: Date): Date {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  if (d.getUTCDate() !== from.getUTCDate()) d.setUTCDate(0);
  return d;
}

type PaymentRow = { orderId: string; customerId: string; method: PaymentMethod; cardId: string | null; mailboxLogin: boolean };
type Settling = { payments: Map<string, PaymentRow>; orderStatus: Map<string, OrderStatus> };
/** What this transaction has already read under its locks (lock, settlesKey and succeed run in one transaction). */
const settling = new WeakMap<Tx, Settling>();
const memoOf = (tx: Tx) => settling.get(tx) ?? settling.set(tx, { payments: new Map(), orderStatus: new Map() }).get(tx)!;

async function paymentOf(tx: Tx, attemptId: string): Promise<PaymentRow> {
  const memo = memoOf(tx).payments;
  const known = memo.get(attemptId);
  if (known) return known;
  const p = await tx.payment.findUniqueOrThrow({ where: { id: attemptId }, select: { orderId: true, customerId: true, method: true, cardId: true, mailboxLogin: true } });
  memo.set(attemptId, p);
  return p;
}

/** What the success's e-mails and the service's extension need, in one read (six with nested selects). */
type PaidOrder = {
  displayName: string; email: string; locale: Locale; renewalCardId: string | null; consentToBind: boolean; number: string; netCents: number; vatCents: number; totalCents: number; description: string | null;
  serviceId: string | null; serviceName: string | null; serviceStatus: ServiceStatus | null; expiresAt: Date | null; autoRenewal: boolean | null; renewalPriceCents: number | null;
  productName: string | null; autoRenewalAvailable: boolean | null; renewalActivationEmail: boolean | null;
};
const readPaidOrder = async (tx: Tx, attemptId: string) =>
  (await tx.$queryRaw<PaidOrder[]>`
    SELECT c."displayName", c."email", c."locale"::text AS "locale", c."renewalCardId",
      EXISTS (SELECT 1 FROM "CeilingConsent" k WHERE k."attemptId" = p."id" AND k."cardId" IS NULL) AS "consentToBind", o."number", o."netCents", o."vatCents", o."totalCents",
      (SELECT i."description" FROM "OrderItem" i WHERE i."orderId" = o."id" ORDER BY i."id" LIMIT 1) AS "description",
      s."id" AS "serviceId", s."name" AS "serviceName", s."status"::text AS "serviceStatus", s."expiresAt", s."autoRenewal", s."renewalPriceCents",
      pr."name" AS "productName", pr."autoRenewalAvailable", pr."renewalActivationEmail"
    FROM "Payment" p JOIN "Customer" c ON c."id" = p."customerId" JOIN "Order" o ON o."id" = p."orderId"
      LEFT JOIN "Service" s ON s."id" = o."serviceId" LEFT JOIN "Product" pr ON pr."code" = s."productCode"
    WHERE p."id" = ${attemptId}::uuid`)[0];

/**
 * An order, as what an attempt pays (lib/attempts). Success, in the attempt's transaction under
 * the order's and the customer's locks: the order Pagato (once: a conditional update), its
 * invoice, the service activated or extended by a year; and, for an account login, the card
 * saved, automatic renewal on for the products that allow it with this card as renewal card, and
 * the ceiling consent given for the payment bound to the card. A PEC mailbox's login only pays.
 */
export const orderDebt: Debt = {
  async lock(tx, attemptId) {
    const p = await paymentOf(tx, attemptId);
    const order = await lockOrder(tx, p.orderId);
    if (order) memoOf(tx).orderStatus.set(p.orderId, order.status);
    await lockCustomerCards(tx, p.customerId);
  },

  async settlesKey(tx, attempt) {
    const p = await paymentOf(tx, attempt.id);
    // Read under the order's lock by `lock`, in this same transaction.
    const status = memoOf(tx).orderStatus.get(p.orderId) ?? (await tx.order.findUniqueOrThrow({ where: { id: p.orderId }, select: { status: true } })).status;
    return status === "AWAITING_PAYMENT" ? `order:${p.orderId}` : null;
  },

  async succeed(tx, attempt, outcome) {
    const at = now();
    const p = await paymentOf(tx, attempt.id);
    const paid = await tx.order.updateMany({ where: { id: p.orderId, status: "AWAITING_PAYMENT" }, data: { status: "PAID", paidAt: at } });
    if (paid.count === 0) throw new SettlesNothing(attempt.id);
    const paidOrder = await readPaidOrder(tx, attempt.id);
    const customer = { displayName: paidOrder.displayName, email: paidOrder.email, locale: paidOrder.locale };
    const order = { number: paidOrder.number, netCents: paidOrder.netCents, vatCents: paidOrder.vatCents, totalCents: paidOrder.totalCents, description: paidOrder.description };
    const service = paidOrder.serviceId
      ? { id: paidOrder.serviceId, name: paidOrder.serviceName!, status: paidOrder.serviceStatus!, expiresAt: paidOrder.expiresAt, autoRenewal: paidOrder.autoRenewal!, renewalPriceCents: paidOrder.renewalPriceCents!,
          product: { name: paidOrder.productName!, autoRenewalAvailable: paidOrder.autoRenewalAvailable!, renewalActivationEmail: paidOrder.renewalActivationEmail! } }
      : null;

    // The card: the saved one that was charged, or the new one the bank kept for the account.
    const token = p.mailboxLogin ? null : outcome.card.token;
    const details = { brand: outcome.card.brand, last4: outcome.card.last4, expMonth: outcome.card.expMonth, expYear: outcome.card.expYear, holder: outcome.card.holder };
    const cardFields = { id: true, customerId: true, brand: true, last4: true, removedAt: true } as const;
    let card = token ? await tx.card.findUnique({ where: { gatewayToken: token }, select: cardFields }) : null;
    if (token && !card) card = await tx.card.create({ data: { customerId: p.customerId, gatewayToken: token, ...details, createdAt: at }, select: cardFields });
    // A new card entered again (e.g. after removing it) is back in the list.
    else if (card?.removedAt && p.method === "NEW_CARD") card = await tx.card.update({ where: { id: card.id }, data: { removedAt: null }, select: cardFields });
    if (card && card.customerId !== p.customerId) throw new Error(`card token of another customer on payment ${attempt.id}`);
    if (card && card.id !== p.cardId) await tx.payment.update({ where: { id: attempt.id }, data: { cardId: card.id } });

    let expiresAt: Date | null = null;
    let renewalTurnedOn = false;
    // A saved card removed while it was paying still pays this order, but no renewal from now on.
    const paysRenewals = !!card && !card.removedAt && !!service?.product.autoRenewalAvailable;
    if (service) {
      const from = service.status === "ACTIVE" && service.expiresAt && service.expiresAt > at ? service.expiresAt : at;
      expiresAt = plusOneYear(from);
      renewalTurnedOn = paysRenewals && !service.autoRenewal;
      await tx.service.update({
        where: { id: service.id },
        data: { status: "ACTIVE", expiresAt, ...(service.status !== "ACTIVE" ? { activatedAt: at } : {}), ...(paysRenewals ? { autoRenewal: true } : {}) },
      });
    }
    if (card && paysRenewals && paidOrder.renewalCardId !== card.id) await tx.customer.update({ where: { id: p.customerId }, data: { renewalCardId: card.id } });
    // The consent given for this payment comes into force with its success, for the card that paid.
    if (card && paysRenewals && paidOrder.consentToBind) await tx.ceilingConsent.updateMany({ where: { attemptId: attempt.id, cardId: null }, data: { cardId: card.id } });

    const paidWith = cardLabel(card ?? outcome.card);
    await writeAudit(tx, {
      actor: attempt.offSession ? actorOf.system : actorOf.customer(p.customerId), action: "payment.succeeded", entity: "order", entityId: p.orderId,
      data: { paymentId: attempt.id, chargeId: outcome.chargeId, amountCents: attempt.amountCents, cardId: card?.id ?? null, renewalTurnedOn, expiresAt: expiresAt?.toISOString() ?? null, ...(p.mailboxLogin ? { mailboxLogin: true } : {}) },
    });
    const name = customer.displayName;
    await queueEmail(tx, {
      to: customer.email, locale: customer.locale, template: "payment-confirmed",
      props: { name, orderNumber: order.number, description: order.description ?? order.number, netCents: order.netCents, vatCents: order.vatCents,
        totalCents: order.totalCents, card: paidWith, paidAt: at.toISOString(), transactionId: outcome.chargeId, serviceName: service?.name ?? order.number, expiresAt: expiresAt?.toISOString() ?? null,
        ...(attempt.offSession ? { automatic: true } : {}) },
    });
    if (service && renewalTurnedOn && service.product.renewalActivationEmail && expiresAt) {
      await queueEmail(tx, {
        to: customer.email, locale: customer.locale, template: "renewal-activated",
        props: { name, serviceName: service.name, productName: service.product.name, card: paidWith, nextRenewalAt: expiresAt.toISOString(), renewalTotalCents: withVat(service.renewalPriceCents).totalCents },
      });
    }
    // Last: its number's lock (one for every invoice) is held until commit, so every other write comes first.
    await issueInvoiceForOrder(tx, p.orderId);
  },

  async subject(tx, attempt) {
    const p = await paymentOf(tx, attempt.id);
    return { actor: attempt.offSession ? actorOf.system : actorOf.customer(p.customerId), entity: "order", entityId: p.orderId, prefix: "payment", data: { paymentId: attempt.id } };
  },
};
