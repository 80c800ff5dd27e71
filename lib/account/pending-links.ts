import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Every recovery step (a password reset or change, "Esci da tutti i dispositivi", a new registered
 * e-mail confirmed) ends the account's outstanding links, in the caller's transaction: a pending
 * e-mail change (whoever knew the password may have asked it for their own address, and its link
 * needs no session), the unused reset links (they went to the address in force when asked) and
 * the logins half done (a second-step ticket won with the old password). Issue 13 reviews,
 * finding 2 and second review's findings 1 and 3.
 */
export async function spendPendingLinks(tx: Tx, customerId: string, at: Date): Promise<number> {
  const r = await tx.accountToken.updateMany({ where: { customerId, usedAt: null }, data: { usedAt: at } });
  await tx.loginTicket.updateMany({ where: { customerId, usedAt: null }, data: { usedAt: at } });
  return r.count;
}

/** The account's row lock, taken first by every transaction that spends its links, so they take turns in one order. */
export async function lockCustomer(tx: Tx, customerId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Customer" WHERE "id" = ${customerId}::uuid FOR UPDATE`;
}
