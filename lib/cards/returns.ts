import "server-only";
import { handleBankReturn } from "@/lib/attempts";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

/**
 * The browser came back from the bank to one of the viewer's card checks: the bank is asked. Null:
 * not theirs (a PEC mailbox's login has none: the account's cards are not its own).
 */
export async function handleVerificationReturn(opts: { verificationId: string; viewer: Viewer; query: URLSearchParams }) {
  if (!isUuid(opts.verificationId) || opts.viewer.pecServiceId) return null;
  const own = await db.cardVerification.count({ where: { id: opts.verificationId, customerId: opts.viewer.customerId } });
  if (own === 0) return null;
  return handleBankReturn({ attemptId: opts.verificationId, purpose: "CARD_CHECK", query: opts.query });
}
