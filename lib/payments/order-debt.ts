import "server-only";
import type { Debt } from "@/lib/attempts/types";
import { SettlesNothing } from "@/lib/attempts/errors";
import { actorOf, writeAudit } from "@/lib/audit";
import { lockCustomerCards } from "@/lib/cards/lock";
import { cardLabel } from "@/lib/cards/queries";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
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

const paymentOf = (tx: Tx, attemptId: string) =>
  tx.payment.findUniqueOrThrow({ where: { id: attemptId }, select: { orderId: true, customerId: true, method: true, cardId: true, mailboxLogin: true } });

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
    await lockOrder(tx, p.orderId);
    await lockCustomerCards(tx, p.customerId);
  },

  async settlesKey(tx, attempt) {
    const p = await paymentOf(tx, attempt.id);
    const order = await tx.order.findUniqueOrThrow({ where: { id: p.orderId }, select: { status: true } });
    return order.status === "AWAITING_PAYMENT" ? `order:${p.orderId}` : null;
  },

  async succeed(tx, attempt, outcome) {
    const at = now();
    const p = await paymentOf(tx, attempt.id);
    const paid = await tx.order.updateMany({ where: { id: p.orderId, status: "AWAITING_PAYMENT" }, data: { status: "PAID", paidAt: at } });
    if (paid.count === 0) throw new SettlesNothing(attempt.id);
    const { customer, order } = await tx.payment.findUniqueOrThrow({
      where: { id: attempt.id },
      select: {
        customer: { select: { displayName: true, email: true, locale: true } },
        order: { select: { number: true, netCents: true, vatCents: true, totalCents: true, items: { select: { description: true }, take: 1 },
          service: { select: { id: true, name: true, status: true, expiresAt: true, autoRenewal: true, renewalPriceCents: true,
            product: { select: { name: true, autoRenewalAvailable: true, renewalActivationEmail: true } } } } } },
      },
    });

    // The card: the saved one that was charged, or the new one the bank kept for the account.
    const token = p.mailboxLogin ? null : outcome.card.token;
    const details = { brand: outcome.card.brand, last4: outcome.card.last4, expMonth: outcome.card.expMonth, expYear: outcome.card.expYear, holder: outcome.card.holder };
    const card = token
      ? await tx.card.upsert({
          where: { gatewayToken: token },
          create: { customerId: p.customerId, gatewayToken: token, ...details, createdAt: at },
          // A new card entered again (e.g. after removing it) is back in the list.
          update: p.method === "NEW_CARD" ? { removedAt: null } : {},
          select: { id: true, customerId: true, brand: true, last4: true, removedAt: true },
        })
      : null;
    if (card && card.customerId !== p.customerId) throw new Error(`card token of another customer on payment ${attempt.id}`);
    if (card) await tx.payment.update({ where: { id: attempt.id }, data: { cardId: card.id } });

    const service = order.service;
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
    if (card && paysRenewals) await tx.customer.update({ where: { id: p.customerId }, data: { renewalCardId: card.id } });
    // The consent given for this payment comes into force with its success, for the card that paid.
    if (card && paysRenewals) await tx.ceilingConsent.updateMany({ where: { attemptId: attempt.id, cardId: null }, data: { cardId: card.id } });

    const paidWith = cardLabel(card ?? outcome.card);
    await writeAudit(tx, {
      actor: attempt.offSession ? actorOf.system : actorOf.customer(p.customerId), action: "payment.succeeded", entity: "order", entityId: p.orderId,
      data: { paymentId: attempt.id, chargeId: outcome.chargeId, amountCents: attempt.amountCents, cardId: card?.id ?? null, renewalTurnedOn, expiresAt: expiresAt?.toISOString() ?? null, ...(p.mailboxLogin ? { mailboxLogin: true } : {}) },
    });
    const name = customer.displayName;
    await queueEmail(tx, {
      to: customer.email, locale: customer.locale, template: "payment-confirmed",
      props: { name, orderNumber: order.number, description: order.items[0]?.description ?? order.number, netCents: order.netCents, vatCents: order.vatCents,
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
