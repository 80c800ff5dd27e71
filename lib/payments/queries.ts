import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { orderScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

/** One attempt of the viewer's, for the outcome page; null when it isn't theirs. */
export async function getPaymentResult(viewer: Viewer, orderId: string, paymentId: string) {
  if (!isUuid(paymentId) || !isUuid(orderId)) return null;
  return db.payment.findFirst({
    where: { id: paymentId, orderId, customerId: viewer.customerId, order: { AND: [orderScope(viewer)] } },
    select: {
      id: true,
      status: true,
      failureReason: true,
      amountCents: true,
      cardId: true,
      card: { select: { brand: true, last4: true } },
      order: { select: { id: true, number: true, service: { select: { name: true, autoRenewal: true, expiresAt: true, product: { select: { autoRenewalAvailable: true } } } } } },
    },
  });
}

export type PaymentResult = NonNullable<Awaited<ReturnType<typeof getPaymentResult>>>;
