import "server-only";
import { activeKeyOf, createAttempt, DebtHeldError, holdDebt, sendAttempt } from "@/lib/attempts";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { cardValidUntil } from "@/lib/cards/expiry";
import { lockCustomerCards } from "@/lib/cards/lock";
import { ceilingCovers, getRenewalSetup, recordCeilingConsent } from "@/lib/cards/renewal-setup";
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

export type OffSessionRefusal = "renewal_off" | "no_card" | "above_ceiling";
export type OffSessionResult =
  | { status: "SUCCEEDED" | "FAILED" | "OPEN"; paymentId: string; failureReason?: string }
  | { status: "REFUSED"; reason: OffSessionRefusal };

/**
 * The renewal engine charges the renewal card with the customer absent (merchant-initiated, never
 * challenged). Under the order's and the customer's locks it checks again what allows the charge
 * (the service still renews automatically, the renewal card is still saved and valid at `at`, its
 * ceiling in force covers the amount), so a switch-off or a removal committed first is never
 * charged. A customer paying by hand at the same moment wins: this one gives way (`in_progress`).
 */
export async function startOffSessionPayment(opts: { orderId: string; at: Date }): Promise<OffSessionResult> {
  let opened: { id: string; customerId: string; number: string; cardToken: string } | { refused: OffSessionRefusal };
  try {
    opened = await holdDebt(
      activeKeyOf.order(opts.orderId),
      () =>
        db.$transaction(async (tx) => {
          const locked = await lockOrder(tx, opts.orderId);
          if (!locked || !isPayable(locked.status)) throw new PaymentError(locked?.status === "PAID" ? "already_paid" : "not_payable");
          await lockCustomerCards(tx, locked.customerId);
          const order = await tx.order.findUniqueOrThrow({ where: { id: opts.orderId }, select: { number: true, service: { select: { status: true, autoRenewal: true } } } });
          if (order.service?.status !== "ACTIVE" || !order.service.autoRenewal) return { refused: "renewal_off" as const };
          const setup = await getRenewalSetup(locked.customerId, tx);
          const card = setup.renewalCard && cardValidUntil(setup.renewalCard) >= opts.at ? setup.renewalCard : null;
          if (!card) return { refused: "no_card" as const };
          if (!ceilingCovers(setup, locked.totalCents)) return { refused: "above_ceiling" as const };
          const { gatewayToken } = await tx.card.findUniqueOrThrow({ where: { id: card.id }, select: { gatewayToken: true } });
          const attempt = await createAttempt(tx, { purpose: "ORDER", amountCents: locked.totalCents, activeKey: activeKeyOf.order(opts.orderId), offSession: true });
          await tx.payment.create({ data: { id: attempt.id, orderId: opts.orderId, customerId: locked.customerId, method: "SAVED_CARD", cardId: card.id } });
          await writeAudit(tx, {
            actor: actorOf.system, action: "payment.started", entity: "order", entityId: opts.orderId,
            data: { paymentId: attempt.id, amountCents: locked.totalCents, method: "SAVED_CARD", offSession: true },
          });
          return { id: attempt.id, customerId: locked.customerId, number: order.number, cardToken: gatewayToken };
        }),
      { giveWay: true },
    );
  } catch (error) {
    if (error instanceof DebtHeldError) throw new PaymentError("in_progress", error.holderId);
    throw error;
  }
  if ("refused" in opened) return { status: "REFUSED", reason: opened.refused };
  const view = await sendAttempt(opened.id, { via: "saved-card", cardToken: opened.cardToken, merchantCustomerRef: opened.customerId, description: description(opened.number), initiator: "MIT" });
  const { failureReason } = await db.attempt.findUniqueOrThrow({ where: { id: opened.id }, select: { failureReason: true } });
  return { status: view.status, paymentId: opened.id, ...(failureReason ? { failureReason } : {}) };
}
