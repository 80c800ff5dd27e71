import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { nextYearlyNumber } from "@/lib/db/numbering";
import { withVat } from "@/lib/money";
import { isUniqueViolation } from "@/lib/attempts/errors";
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
  await tx.$queryRaw`SELECT "id" FROM "Service" WHERE "id" = ${service.id}::uuid FOR UPDATE`;
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
