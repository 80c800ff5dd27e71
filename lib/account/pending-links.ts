import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Every recovery step (a password reset or change, "Esci da tutti i dispositivi") ends the
 * account's outstanding links, in the caller's transaction: a pending e-mail change (whoever knew
 * the password may have asked it for their own address, and its link needs no session) and the
 * unused reset links. Issue 13 review, finding 2.
 */
export async function spendPendingLinks(tx: Tx, customerId: string, at: Date): Promise<number> {
  const r = await tx.accountToken.updateMany({ where: { customerId, usedAt: null }, data: { usedAt: at } });
  return r.count;
}
