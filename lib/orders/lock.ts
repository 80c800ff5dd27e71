import "server-only";
import type { Tx } from "@/lib/db";
import type { OrderStatus } from "@/lib/db/generated/enums";

/**
 * Reads an order and locks its row until the transaction ends. Whoever opens a payment attempt
 * or records one as paid takes this lock first, so a reader never acts on a status that a
 * concurrent, not yet committed settlement is changing (READ COMMITTED would otherwise show the
 * old status), and both sides take their locks in the same order (no deadlock).
 */
export async function lockOrder(tx: Tx, orderId: string) {
  const rows = await tx.$queryRaw<{ customerId: string; status: OrderStatus; totalCents: number }[]>`
    SELECT "customerId", "status", "totalCents" FROM "Order" WHERE "id" = ${orderId}::uuid FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}
