import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { getRenewalSetup } from "@/lib/cards/renewal-setup";
import { orderScope } from "@/lib/customers/scope";
import { db, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { renewalConsentFor, type CardChoice } from "./ceiling";

export type { CardChoice } from "./ceiling";

/** `?carta=` of the checkout pages: a saved card's id or "nuova". */
export function parseCardChoice(raw: unknown, savedIds: string[]): CardChoice | null {
  if (raw === "nuova") return { kind: "new" };
  if (typeof raw === "string" && savedIds.includes(raw)) return { kind: "saved", cardId: raw };
  return null;
}

const orderFields = {
  id: true, number: true, kind: true, status: true, netCents: true, vatCents: true, totalCents: true, customerId: true,
  service: { select: { id: true, name: true, product: { select: { name: true, autoRenewalAvailable: true } } } },
  items: { select: { id: true, description: true, quantity: true, netCents: true, vatCents: true, totalCents: true } },
} as const;

const cardFields = { id: true, brand: true, last4: true, expMonth: true, expYear: true, holder: true, gatewayToken: true } as const;

/**
 * Everything the checkout pages show and the payment decides on, read from the database only:
 * the pages and `startOrderPayment` (in its transaction, under the order's lock) call this same
 * function, so what is paid and consented is what the customer was shown. A PEC mailbox's login
 * sees no card of the account (it pays with a new card on the bank's page) and gives no consent.
 */
export async function getCheckout(viewer: Viewer, orderId: string, tx: Tx = db) {
  if (!isUuid(orderId)) return null;
  const order = await tx.order.findFirst({ where: { AND: [orderScope(viewer), { id: orderId }] }, select: orderFields });
  if (!order) return null;
  const accountLogin = !viewer.pecServiceId;
  const [cards, setup] = await Promise.all([
    accountLogin ? tx.card.findMany({ where: { customerId: viewer.customerId, removedAt: null }, select: cardFields, orderBy: { createdAt: "desc" } }) : Promise.resolve([]),
    getRenewalSetup(viewer.customerId, tx),
  ]);
  const renewingServiceId = order.service?.product.autoRenewalAvailable ? order.service.id : null;
  return {
    order,
    accountLogin,
    cards: cards.map(({ gatewayToken: _token, ...card }) => card),
    renewalCardId: accountLogin ? (setup.renewalCard?.id ?? null) : null,
    /** The saved card's token, for the bank only (never shown). */
    tokenOf: (cardId: string) => cards.find((c) => c.id === cardId)?.gatewayToken ?? null,
    /** The consent paying with this card records (and whether the ceiling step asks it), or null. */
    consentFor(card: CardChoice) {
      return renewalConsentFor({
        accountLogin, renewingServiceId, card, renewalCardId: setup.renewalCard?.id ?? null,
        renewalCeilingCents: setup.ceiling?.amountCents ?? null, services: setup.renewing,
      });
    },
  };
}

export type Checkout = NonNullable<Awaited<ReturnType<typeof getCheckout>>>;
