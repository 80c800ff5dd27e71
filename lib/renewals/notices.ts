import "server-only";
import { cardLabel } from "@/lib/cards/queries";
import { db } from "@/lib/db";
import { areaUrl, sendNoticeOnce } from "./notice";
import { cardNoticeDue, CARD_NOTICE_DAYS, CHARGE_DAYS_BEFORE, romeDaysBefore, serviceNoticeDue, stageAt } from "./schedule";

type Scope = { at: Date; customerId?: string };
const customerFields = { select: { displayName: true, email: true, locale: true } } as const;

/** Keys already used, so that a daily run opens no transaction for a notice already sent. */
async function sentKeys(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.notice.findMany({ where: { key: { in: keys } }, select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

/**
 * Services expiring without automatic renewal (switched off, or a product that has none, like
 * Firma Digitale and Marca Temporale): one e-mail 30 days before, one 7 days before.
 */
export async function sendServiceExpiringNotices({ at, customerId }: Scope): Promise<number> {
  const services = await db.service.findMany({
    where: {
      status: "ACTIVE", expiresAt: { gt: at, lte: romeDaysBefore(at, -31) }, ...(customerId ? { customerId } : {}),
      OR: [{ autoRenewal: false }, { product: { autoRenewalAvailable: false } }],
    },
    select: { id: true, name: true, expiresAt: true, customerId: true, product: { select: { name: true, autoRenewalAvailable: true } }, customer: customerFields },
  });
  const due = services.flatMap((s) => {
    const days = serviceNoticeDue(s.expiresAt!, at);
    return days ? [{ s, days, key: `service-expiring-${days}:${s.id}:${s.expiresAt!.toISOString()}` }] : [];
  });
  const sent = await sentKeys(due.map((d) => d.key));
  let count = 0;
  for (const { s, days, key } of due.filter((d) => !sent.has(d.key))) {
    const ok = await db.$transaction((tx) =>
      sendNoticeOnce(tx, { customerId: s.customerId, key, kind: `service-expiring-${days}` }, {
        to: s.customer.email, locale: s.customer.locale, template: "service-expiring",
        props: { name: s.customer.displayName, serviceName: s.name, productName: s.product.name, expiresAt: s.expiresAt!.toISOString(), daysLeft: days,
          autoRenewalAvailable: s.product.autoRenewalAvailable, serviceUrl: areaUrl(`/servizi/${s.id}`) },
      }),
    );
    if (ok) count++;
  }
  return count;
}

/**
 * The renewal card expires before the next automatic renewal charge (the first stage of the
 * earliest renewing service), and that charge is at most 30 days away: one e-mail per card and charge.
 */
export async function sendCardExpiringNotices({ at, customerId }: Scope): Promise<number> {
  const horizon = romeDaysBefore(at, -(CARD_NOTICE_DAYS + CHARGE_DAYS_BEFORE[0] + 1));
  const services = await db.service.findMany({
    where: { status: "ACTIVE", autoRenewal: true, product: { autoRenewalAvailable: true }, expiresAt: { gt: at, lte: horizon }, ...(customerId ? { customerId } : {}) },
    select: { name: true, expiresAt: true, customerId: true },
    orderBy: { expiresAt: "asc" },
  });
  const earliest = new Map<string, { name: string; chargeAt: Date }>();
  for (const s of services) {
    const chargeAt = stageAt(s.expiresAt!, 1);
    if (!earliest.has(s.customerId) && chargeAt > at) earliest.set(s.customerId, { name: s.name, chargeAt });
  }
  if (earliest.size === 0) return 0;
  const customers = await db.customer.findMany({
    where: { id: { in: [...earliest.keys()] }, renewalCard: { removedAt: null } },
    select: { id: true, displayName: true, email: true, locale: true, renewalCard: { select: { id: true, brand: true, last4: true, expMonth: true, expYear: true } } },
  });
  let count = 0;
  for (const c of customers) {
    const next = earliest.get(c.id)!;
    const card = c.renewalCard!;
    if (!cardNoticeDue(card, next.chargeAt, at)) continue;
    const key = `card-expiring:${card.id}:${next.chargeAt.toISOString()}`;
    const ok = await db.$transaction((tx) =>
      sendNoticeOnce(tx, { customerId: c.id, key, kind: "card-expiring" }, {
        to: c.email, locale: c.locale, template: "card-expiring",
        props: { name: c.displayName, card: cardLabel(card), cardExpiry: `${String(card.expMonth).padStart(2, "0")}/${card.expYear}`, chargeAt: next.chargeAt.toISOString(),
          serviceName: next.name, cardsUrl: areaUrl("/metodi-di-pagamento") },
      }),
    );
    if (ok) count++;
  }
  return count;
}
