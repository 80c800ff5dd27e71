import "server-only";
import { activeKeyOf, createAttempt, DebtHeldError, holdDebt, refuseIfHeld, sendAttempt } from "@/lib/attempts";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { lockCustomerCards } from "@/lib/cards/lock";
import { recordCeilingConsent } from "@/lib/cards/renewal-setup";
import { orderScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { lockOrder } from "@/lib/orders/lock";
import { isPayable } from "@/lib/orders/state";
import { getCheckout, type CardChoice } from "./checkout";
import { PaymentError } from "./errors";
import { paymentReturnPath } from "./paths";

export type StartPaymentResult = { paymentId: string; redirectUrl?: string };

const description = (orderNumber: string) => `Ordine ${orderNumber}`;

/**
 * Pays an order awaiting payment with a saved card or a new one (the bank's hosted page). Under
 * the order's lock the checkout is read again, as its pages showed it: the order must be payable,
 * the card one of the viewer's, and the ceiling consent the one the customer saw (`ceilingCents`;
 * otherwise `ceiling_changed` with the new amount, nothing recorded). The attempt (holding the
 * order: one in flight), what it pays and the consent are stored before the bank is called.
 */
export async function startOrderPayment(opts: {
  viewer: Viewer; orderId: string; card: CardChoice; ceilingConsent: boolean; ceilingCents?: number; ip?: string; userAgent?: string;
}): Promise<StartPaymentResult> {
  const { viewer } = opts;
  const customerId = viewer.customerId;
  let opened: { id: string; number: string; cardToken: string | null };
  try {
    opened = await holdDebt(activeKeyOf.order(opts.orderId), () =>
      db.$transaction(async (tx) => {
        const locked = await lockOrder(tx, opts.orderId);
        // Whose it is before anything else is told of it; then, paid or held by another attempt
        // (a double click, a second tab), the answer comes without reading the whole checkout.
        const owned = locked ? await tx.order.count({ where: { AND: [orderScope(viewer), { id: opts.orderId }] } }) : 0;
        if (!locked || !owned) throw new PaymentError("order_not_found");
        if (!isPayable(locked.status)) throw new PaymentError(locked.status === "PAID" ? "already_paid" : "not_payable");
        await refuseIfHeld(tx, activeKeyOf.order(opts.orderId));
        // Locks in the order every writer takes them: order, then the customer's cards.
        await lockCustomerCards(tx, customerId);
        const checkout = locked ? await getCheckout(viewer, opts.orderId, tx) : null;
        if (!checkout) throw new PaymentError("order_not_found");
        if (!isPayable(checkout.order.status)) throw new PaymentError(checkout.order.status === "PAID" ? "already_paid" : "not_payable");
        const cardToken = opts.card.kind === "saved" ? checkout.tokenOf(opts.card.cardId) : null;
        if (opts.card.kind === "saved" && !cardToken) throw new PaymentError("card_not_found");
        const consent = checkout.consentFor(opts.card);
        if (consent?.ask && !opts.ceilingConsent) throw new PaymentError("ceiling_consent_required");
        if (consent && opts.ceilingCents !== consent.amountCents) throw new PaymentError("ceiling_changed", undefined, consent.amountCents);

        const cardId = opts.card.kind === "saved" ? opts.card.cardId : undefined;
        const method = cardId ? "SAVED_CARD" : "NEW_CARD";
        const attempt = await createAttempt(tx, { purpose: "ORDER", amountCents: checkout.order.totalCents, activeKey: activeKeyOf.order(opts.orderId), ip: opts.ip, userAgent: opts.userAgent });
        await tx.payment.create({ data: { id: attempt.id, orderId: opts.orderId, customerId, method, cardId, mailboxLogin: !checkout.accountLogin } });
        // Bound to the card by the success only: a payment declined or abandoned raises no ceiling.
        if (consent) await recordCeilingConsent(tx, { customerId, attemptId: attempt.id, amountCents: consent.amountCents, ip: opts.ip, userAgent: opts.userAgent });
        await writeAudit(tx, {
          actor: actorOf.customer(customerId), action: "payment.started", entity: "order", entityId: opts.orderId,
          data: { paymentId: attempt.id, amountCents: checkout.order.totalCents, method, ...(checkout.accountLogin ? {} : { mailboxLogin: true }) }, ip: opts.ip, userAgent: opts.userAgent,
        });
        return { id: attempt.id, number: checkout.order.number, cardToken };
      }),
    );
  } catch (error) {
    if (error instanceof DebtHeldError) throw new PaymentError(error.code === "settled" ? "already_paid" : "in_progress", error.holderId);
    throw error;
  }
  const view = await sendAttempt(
    opened.id,
    opened.cardToken
      ? { via: "saved-card", cardToken: opened.cardToken, merchantCustomerRef: customerId, description: description(opened.number), initiator: "CIT", returnPath: paymentReturnPath(opened.id) }
      // A mailbox's login pays this order only: the bank keeps no card for the account.
      : { via: "hosted", kind: "PAYMENT", merchantCustomerRef: customerId, saveCard: !viewer.pecServiceId, description: description(opened.number), returnPath: paymentReturnPath(opened.id) },
  );
  return { paymentId: opened.id, ...(view.redirectUrl ? { redirectUrl: view.redirectUrl } : {}) };
}

export { startOffSessionPayment, startOffSessionPayments, type OffSessionRefusal, type OffSessionResult } from "./off-session";
