import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Locks an invoice's row until the transaction ends. Every back-office settlement takes it first,
 * so two members of staff (or a double click) act one after the other on the state the first left.
 */
export async function lockInvoice(tx: Tx, invoiceId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Invoice" WHERE "id" = ${invoiceId}::uuid FOR UPDATE`;
  return rows.length === 1;
}
