import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { listCards } from "@/lib/cards/queries";
import { db } from "@/lib/db";
import { getOrderDetail } from "@/lib/orders/queries";
import { ceilingAmountCents, ceilingStepApplies, type RenewingService } from "./ceiling";

export type CardChoice = { kind: "new" } | { kind: "saved"; cardId: string };

/** `?carta=` of the checkout pages: a saved card's id or "nuova". */
export function parseCardChoice(raw: unknown, savedIds: string[]): CardChoice | null {
  if (raw === "nuova") return { kind: "new" };
  if (typeof raw === "string" && savedIds.includes(raw)) return { kind: "saved", cardId: raw };
  return null;
}

/** Everything the checkout pages show and decide on, read from the database only. */
export async function getCheckout(viewer: Viewer, orderId: string) {
  const order = await getOrderDetail(viewer, orderId);
  if (!order) return null;
  const [cards, customer, services] = await Promise.all([
    listCards(viewer.customerId),
    db.customer.findUniqueOrThrow({ where: { id: viewer.customerId }, select: { renewalCardId: true } }),
    db.service.findMany({
      where: { customerId: viewer.customerId, status: { in: ["ACTIVE", "PENDING"] } },
      select: { id: true, renewalPriceCents: true, autoRenewal: true, product: { select: { autoRenewalAvailable: true } } },
    }),
  ]);
  const renewing: RenewingService[] = services.map((s) => ({
    id: s.id,
    renewalPriceCents: s.renewalPriceCents,
    autoRenewal: s.autoRenewal,
    autoRenewalAvailable: s.product.autoRenewalAvailable,
  }));
  const turningOn = order.service?.product.autoRenewalAvailable ? [order.service.id] : [];
  return {
    order,
    cards,
    renewalCardId: customer.renewalCardId,
    /** Whether paying with this card needs the ceiling consent first, and for how much. */
    ceilingFor(card: CardChoice) {
      const applies = ceilingStepApplies({ card, renewalCardId: customer.renewalCardId, services: renewing });
      return applies ? { amountCents: ceilingAmountCents(renewing, turningOn) } : null;
    },
  };
}

export type Checkout = NonNullable<Awaited<ReturnType<typeof getCheckout>>>;
