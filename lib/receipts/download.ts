import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { currentReceiptPdf, receiptFilename } from "./pdf";

/**
 * The quietanza of one of the viewer's invoices, as a file: made on demand if the job has not
 * made it yet (the same, single, stored PDF either way), marked refunded once it was. Null for anything the viewer may not see,
 * including a login with a PEC mailbox's password, which sees that mailbox only.
 */
export async function getOwnedReceiptPdf(opts: { viewer: Viewer; invoiceId: string; receiptId: string }): Promise<{ filename: string; pdf: Uint8Array } | null> {
  const { viewer, invoiceId, receiptId } = opts;
  if (viewer.pecServiceId || !isUuid(invoiceId) || !isUuid(receiptId)) return null;
  const owned = await db.receipt.count({
    where: { id: receiptId, invoicePayment: { invoiceId, invoice: { customerId: viewer.customerId } } },
  });
  if (owned === 0) return null;
  const receipt = await currentReceiptPdf(receiptId);
  return receipt ? { filename: receiptFilename(receipt.number), pdf: receipt.pdf } : null;
}
