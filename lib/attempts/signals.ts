import "server-only";
import { db } from "@/lib/db";
import type { AttemptPurpose } from "@/lib/db/generated/enums";
import { isUuid } from "@/lib/db/ids";
import { getGateway } from "@/lib/gateway";
import { isUniqueViolation } from "./errors";
import { confirmAttempt } from "./outcome";
import type { AttemptView } from "./state";

export type NotificationResult = "accepted" | "duplicate" | "ignored" | "rejected" | "unknown_payment";

/**
 * A signed server-to-server notification from the bank, about any attempt. Only a trigger: the
 * outcome is asked to the bank again before anything changes, and a notification already seen
 * changes nothing.
 */
export async function receiveGatewayNotification(rawBody: string, headers: Headers): Promise<NotificationResult> {
  const signal = getGateway().verifyNotification(rawBody, headers);
  if (!signal) return "rejected";
  if (signal.merchantRef === null) return "ignored";
  if (!isUuid(signal.merchantRef)) return "unknown_payment";
  const attempt = await db.attempt.findUnique({ where: { id: signal.merchantRef }, select: { id: true } });
  if (!attempt) return "unknown_payment";
  try {
    await db.gatewayNotification.create({ data: { id: signal.id } });
  } catch (error) {
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
  await confirmAttempt(attempt.id, { fromBank: true });
  return "accepted";
}

/**
 * The browser came back from the bank for one attempt of `purpose`. The return's signature is
 * checked (a valid one must name this attempt) but never trusted: the bank is asked. Null: no
 * such attempt of that purpose, or a return signed for another one. Ownership is the caller's.
 */
export async function handleBankReturn(opts: { attemptId: string; purpose: AttemptPurpose; query: URLSearchParams }): Promise<AttemptView | null> {
  if (!isUuid(opts.attemptId)) return null;
  const a = await db.attempt.findFirst({ where: { id: opts.attemptId, purpose: opts.purpose }, select: { id: true } });
  if (!a) return null;
  const signal = getGateway().verifyReturn(opts.query);
  if (signal && signal.merchantRef !== a.id) return null;
  // Valid, stale or missing signature alike: the bank's own answer decides. A payer who left the
  // bank's page without paying (the bank says so on the way back): the attempt is ended there.
  return confirmAttempt(a.id, { fromBank: !!signal, cancelOpen: !!signal?.abandoned });
}
