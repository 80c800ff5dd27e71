import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Locks one customer's row until the transaction ends. Every change of the customer's cards
 * (verification opened or settled, renewal card chosen, card removed) takes it first, so two of
 * them never decide on the same stale picture (e.g. removing the last card while another
 * becomes the renewal card) and the per-customer verification limits can't be raced past.
 * NO KEY UPDATE (also for the order and invoice locks): it orders every writer of the row as FOR
 * UPDATE would, but does not conflict with the KEY SHARE lock that PostgreSQL's foreign-key checks
 * take when a row referencing this one is inserted (a renewal order for this customer), which
 * FOR UPDATE would turn into a deadlock with a writer holding the service row.
 */
export async function lockCustomerCards(tx: Tx, customerId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Customer" WHERE "id" = ${customerId}::uuid FOR NO KEY UPDATE`;
  return rows.length === 1;
}

