import "server-only";
import { randomUUID } from "node:crypto";
import { actorOf, writeAudit, writeAudits } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { nextYearlyNumber, nextYearlyNumbers } from "@/lib/db/numbering";
import { withVat } from "@/lib/money";
import { isUniqueViolation } from "@/lib/attempts/errors";
import { lockOrder } from "@/lib/orders/lock";
import { renewalKey } from "./schedule";

export type RenewableService = {
  id: string;
  customerId: string;
  name: string;
  expiresAt: Date;
  renewalPriceCents: number;
  productCode: "PEC" | "FIRMA_DIGITALE" | "MARCA_TEMPORALE" | "SPID" | "CONSERVAZIONE" | "FATTURAZIONE_ELETTRONICA";
  product: { name: string };
};

/**
 * The renewal order of one period of a service, made once whatever the number of workers: an
 * order the customer already received for it (awaiting payment, no key yet) is adopted with a
 * conditional update, otherwise one is created with the unique `renewalKey`; losing either race
 * means another worker did it.
 */
export async function ensureRenewalOrder(service: RenewableService): Promise<{ orderId: string; created: boolean } | null> {
  const key = renewalKey(service.id, service.expiresAt);
  const existing = await db.order.findUnique({ where: { renewalKey: key }, select: { id: true } });
  if (existing) return { orderId: existing.id, created: false };

  const byHand = await db.order.findFirst({
    where: { serviceId: service.id, kind: "RENEWAL", status: "AWAITING_PAYMENT", renewalKey: null },
    select: { id: true },
    orderBy: { createdAt: "desc" },
  });
  try {
    if (byHand) {
      const adopted = await db.$transaction(async (tx) => {
        // Under the service's lock, like every writer of a renewal key (createRenewalOrders checks
        // under it), taken after the order's: a settlement locks the order, then the service.
        await lockOrder(tx, byHand.id);
        await lockServices(tx, [service.id]);
        const moved = await tx.order.updateMany({ where: { id: byHand.id, status: "AWAITING_PAYMENT", renewalKey: null }, data: { renewalKey: key } });
        if (moved.count === 1) await writeAudit(tx, { actor: actorOf.system, action: "renewal.order_adopted", entity: "order", entityId: byHand.id, data: { renewalKey: key } });
        return moved.count === 1;
      });
      if (adopted) return { orderId: byHand.id, created: false };
    } else {
      const orderId = await db.$transaction((tx) => createRenewalOrder(tx, service, key));
      return orderId ? { orderId, created: true } : null;
    }
  } catch (error) {
    if (!isUniqueViolation(error, "renewalKey")) throw error;
  }
  const winner = await db.order.findUnique({ where: { renewalKey: key }, select: { id: true } });
  // Null: the order to adopt was paid or cancelled meanwhile; the next run sees the service anew.
  return winner ? { orderId: winner.id, created: false } : null;
}

/** "PEC mario.rossi@pec-demo.it", "SPID Mario Rossi" (not "SPID SPID Mario Rossi"). */
function itemName(service: RenewableService): string {
  return service.name.startsWith(service.product.name) ? service.name : `${service.product.name} ${service.name}`;
}

async function createRenewalOrder(tx: Tx, service: RenewableService, key: string): Promise<string | null> {
  // The service row is locked and read again: renewed or switched off meanwhile, nothing to do.
  await lockServices(tx, [service.id]);
  const current = await tx.service.findUnique({ where: { id: service.id }, select: { status: true, autoRenewal: true, expiresAt: true } });
  if (current?.status !== "ACTIVE" || !current.autoRenewal || current.expiresAt?.getTime() !== service.expiresAt.getTime()) return null;
  const amounts = withVat(service.renewalPriceCents);
  const number = await nextYearlyNumber(tx, "Order");
  const order = await tx.order.create({
    data: {
      number, customerId: service.customerId, serviceId: service.id, kind: "RENEWAL", renewalKey: key, createdAt: now(), ...amounts,
      items: { create: [{ productCode: service.productCode, description: `Rinnovo ${itemName(service)} – 1 anno`, ...amounts }] },
    },
    select: { id: true },
  });
  await writeAudit(tx, { actor: actorOf.system, action: "renewal.order_created", entity: "order", entityId: order.id, data: { number, renewalKey: key, totalCents: amounts.totalCents } });
  return order.id;
}

/** Locks service rows until the transaction ends, in id order (two batches never deadlock). */
async function lockServices(tx: Tx, ids: string[]) {
  await tx.$queryRaw`SELECT "id" FROM "Service" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
}

/** The service's order (null: nothing to renew), or the error of that service alone. */
export type EnsuredOrder = { orderId: string; created: boolean } | null | { error: unknown };

/**
 * `ensureRenewalOrder` for a batch of services (the renewal jobs a worker claimed together): the
 * orders that exist are read at once, and the missing ones are created in one transaction under
 * the services' locks, where the services and their orders are read again (a service renewed,
 * switched off, or given its order by another worker meanwhile gets none), with one lock for
 * their numbers. Services with an order to adopt, or a batch that fails after all (a race lost on
 * the unique key, a deadlock, a timeout), go one by one through `ensureRenewalOrder`, so that an
 * error costs its own service alone.
 */
export async function ensureRenewalOrders(services: RenewableService[]): Promise<Map<string, EnsuredOrder>> {
  const result = new Map<string, EnsuredOrder>();
  if (services.length === 0) return result;
  const keyOf = new Map(services.map((s) => [s.id, renewalKey(s.id, s.expiresAt)]));
  const existing = await db.order.findMany({ where: { renewalKey: { in: [...keyOf.values()] } }, select: { id: true, serviceId: true } });
  for (const o of existing) result.set(o.serviceId!, { orderId: o.id, created: false });
  const rest = services.filter((s) => !result.has(s.id));
  if (rest.length === 0) return result;

  let created: Map<string, string | "look-again">;
  try {
    created = await db.$transaction((tx) => createRenewalOrders(tx, rest, keyOf));
  } catch {
    created = new Map(rest.map((s) => [s.id, "look-again"]));
  }
  for (const s of rest) {
    const made = created.get(s.id);
    if (made === "look-again") result.set(s.id, await ensureRenewalOrder(s).catch((error: unknown) => ({ error })));
    else result.set(s.id, made ? { orderId: made, created: true } : null);
  }
  return result;
}

/** Service id → the order created, "look-again" (an order exists or is to adopt), or absent (nothing to renew). */
async function createRenewalOrders(tx: Tx, services: RenewableService[], keyOf: Map<string, string>): Promise<Map<string, string | "look-again">> {
  const ids = services.map((s) => s.id);
  await lockServices(tx, ids);
  const current = new Map((await tx.service.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, autoRenewal: true, expiresAt: true } })).map((s) => [s.id, s]));
  const orders = await tx.order.findMany({
    where: { serviceId: { in: ids }, kind: "RENEWAL", OR: [{ renewalKey: { in: [...keyOf.values()] } }, { status: "AWAITING_PAYMENT", renewalKey: null }] },
    select: { serviceId: true },
  });
  const result = new Map<string, string | "look-again">(orders.map((o) => [o.serviceId!, "look-again"]));
  const fresh = services.filter((s) => {
    const c = current.get(s.id);
    return !result.has(s.id) && c?.status === "ACTIVE" && c.autoRenewal && c.expiresAt?.getTime() === s.expiresAt.getTime();
  });
  if (fresh.length === 0) return result;
  const at = now();
  const rows = fresh.map((s) => ({ service: s, id: randomUUID(), amounts: withVat(s.renewalPriceCents) }));
  // The numbers' lock is held until commit: taken after every read.
  const numbers = await nextYearlyNumbers(tx, "Order", rows.length);
  await tx.order.createMany({
    data: rows.map((r, i) => ({ id: r.id, number: numbers[i], customerId: r.service.customerId, serviceId: r.service.id, kind: "RENEWAL" as const, renewalKey: keyOf.get(r.service.id)!, createdAt: at, ...r.amounts })),
  });
  await tx.orderItem.createMany({
    data: rows.map((r) => ({ orderId: r.id, productCode: r.service.productCode, description: `Rinnovo ${itemName(r.service)} – 1 anno`, ...r.amounts })),
  });
  await writeAudits(tx, rows.map((r, i) => ({
    actor: actorOf.system, action: "renewal.order_created", entity: "order", entityId: r.id, data: { number: numbers[i], renewalKey: keyOf.get(r.service.id)!, totalCents: r.amounts.totalCents },
  })));
  for (const r of rows) result.set(r.service.id, r.id);
  return result;
}
