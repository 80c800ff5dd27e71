import "server-only";
import { handleBankReturn } from "@/lib/attempts";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

/** The browser came back from the bank to one of the viewer's card checks: the bank is asked. Null: not theirs. */
export async function handleVerificationReturn(opts: { verificationId: string; customerId: string; query: URLSearchParams }) {
  if (!isUuid(opts.verificationId)) return null;
  const own = await db.cardVerification.count({ where: { id: opts.verificationId, customerId: opts.customerId } });
  if (own === 0) return null;
  return handleBankReturn({ attemptId: opts.verificationId, purpose: "CARD_CHECK", query: opts.query });
}
