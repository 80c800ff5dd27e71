import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { orderScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

/** One attempt of the viewer's, for the outcome page; null when it isn't theirs. */
export async function getPaymentResult(viewer: Viewer, orderId: string, paymentId: string) {
  if (!isUuid(paymentId) || !isUuid(orderId)) return null;
  const p = await db.payment.findFirst({
    where: { id: paymentId, orderId, customerId: viewer.customerId, order: { AND: [orderScope(viewer)] } },
    select: {
      id: true,
      cardId: true,
      mailboxLogin: true,
      card: { select: { brand: true, last4: true } },
      attempt: { select: { status: true, failureReason: true, amountCents: true, cardBrand: true, cardLast4: true, refundOwedAt: true, refundedAt: true } },
      order: { select: { id: true, number: true, service: { select: { name: true, autoRenewal: true, expiresAt: true, product: { select: { autoRenewalAvailable: true } } } } } },
    },
  });
  if (!p) return null;
  const { attempt, ...payment } = p;
  const paidWith = p.card ?? (attempt.cardBrand && attempt.cardLast4 ? { brand: attempt.cardBrand, last4: attempt.cardLast4 } : null);
  return { ...payment, ...attempt, card: paidWith, refund: attempt.refundedAt ? ("done" as const) : attempt.refundOwedAt ? ("owed" as const) : null };
}

export type PaymentResult = NonNullable<Awaited<ReturnType<typeof getPaymentResult>>>;
