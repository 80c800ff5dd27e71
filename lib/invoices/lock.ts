import "server-only";
import type { Tx } from "@/lib/db";
import type { InvoiceStatus } from "@/lib/db/generated/enums";

export type LockedInvoice = { status: InvoiceStatus; netCents: number; totalCents: number; balanceCents: number; balanceSeq: number };

/**
 * Reads an invoice and locks its row until the transaction ends (null: no such invoice). Opening
 * an attempt, recording a success and Amministrazione's settlements take this lock first, so none
 * of them acts on a status or balance that another, not yet committed, is changing (READ COMMITTED
 * would show the old one), and two members of staff (or a double click) act one after the other.
 */
export async function lockInvoice(tx: Tx, invoiceId: string): Promise<LockedInvoice | null> {
  const rows = await tx.$queryRaw<LockedInvoice[]>`
    SELECT "status", "netCents", "totalCents", "balanceCents", "balanceSeq" FROM "Invoice" WHERE "id" = ${invoiceId}::uuid FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}
