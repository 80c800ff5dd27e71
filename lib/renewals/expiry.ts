import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { areaUrl, sendNoticeOnce } from "./notice";

const BATCH = 200;

/**
 * Services past their expiry become EXPIRED, each with one e-mail. The conditional update (still
 * ACTIVE, same expiry) makes a second worker's move a no-op; paying the renewal order later
 * reactivates the service (lib/payments/settle.ts).
 */
export async function expireServices(opts: { at: Date; customerId?: string }): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await db.service.findMany({
      where: { status: "ACTIVE", expiresAt: { lte: opts.at }, ...(opts.customerId ? { customerId: opts.customerId } : {}) },
      select: { id: true, name: true, expiresAt: true, customerId: true, product: { select: { name: true } }, customer: { select: { displayName: true, email: true, locale: true } } },
      orderBy: { expiresAt: "asc" },
      take: BATCH,
    });
    let moved = 0;
    for (const s of due) {
      const expiresAt = s.expiresAt!;
      const done = await db.$transaction(async (tx) => {
        const m = await tx.service.updateMany({ where: { id: s.id, status: "ACTIVE", expiresAt }, data: { status: "EXPIRED" } });
        if (m.count === 0) return false;
        await writeAudit(tx, { actor: actorOf.system, action: "service.expired", entity: "service", entityId: s.id, data: { expiresAt: expiresAt.toISOString() } });
        await sendNoticeOnce(tx, { customerId: s.customerId, key: `service-expired:${s.id}:${expiresAt.toISOString()}`, kind: "service-expired" }, {
          to: s.customer.email, locale: s.customer.locale, template: "service-expired",
          props: { name: s.customer.displayName, serviceName: s.name, productName: s.product.name, expiredAt: expiresAt.toISOString(), serviceUrl: areaUrl(`/servizi/${s.id}`) },
        });
        return true;
      });
      if (done) moved++;
    }
    expired += moved;
    // Rows another worker moved meanwhile leave the query by themselves; stop when a page moved nothing.
    if (due.length < BATCH || moved === 0) return expired;
  }
}
