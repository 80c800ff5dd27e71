import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import { log } from "@/lib/ops/log";
import { failpoint } from "@/lib/ops/failpoints";
import { applyOutcome, currentView } from "./outcome";
import type { AttemptView } from "./state";

/** Where the bank posts its server-to-server notifications, for every attempt. */
export const NOTIFY_PATH = "/api/payments/notify";

/** How an attempt goes to the bank: its hosted page (new card, card check), or a saved card. */
export type BankRequest =
  | { via: "hosted"; kind: "PAYMENT" | "VERIFY"; merchantCustomerRef: string; saveCard: boolean; description: string; returnPath: string }
  | { via: "saved-card"; cardToken: string; merchantCustomerRef: string; description: string; initiator: "CIT" | "MIT"; returnPath?: string };

/**
 * Sends a stored attempt to the bank, once (CREATED → SENT is a conditional update: a second
 * press finds it sent and gets its current view). A hosted page answers where the payer goes; a
 * saved card answers the outcome, settled at once. An error leaves the attempt SENT: its outcome
 * is unknown, and the reconciliation asks the bank.
 */
export async function sendAttempt(attemptId: string, request: BankRequest): Promise<AttemptView> {
  const [a] = await db.attempt.updateManyAndReturn({
    where: { id: attemptId, status: "CREATED" }, data: { status: "SENT", sentAt: now() }, select: { amountCents: true, currency: true, idempotencyKey: true, purpose: true },
  });
  if (!a) return currentView(attemptId);
  failpoint("attempt.after-sent");
  const common = { amountCents: a.amountCents, currency: "EUR" as const, merchantRef: attemptId, idempotencyKey: a.idempotencyKey, notifyUrl: NOTIFY_PATH };
  const gateway = getGateway();
  try {
    if (request.via === "hosted") {
      const session = await gateway.createHostedSession({
        ...common, kind: request.kind, merchantCustomerRef: request.merchantCustomerRef, saveCard: request.saveCard, description: request.description, returnUrl: request.returnPath,
      });
      await db.attempt.updateMany({ where: { id: attemptId, status: "SENT" }, data: { status: "REQUIRES_ACTION", gatewaySessionId: session.sessionId } });
      const view = await currentView(attemptId);
      // Settled meanwhile (an answer that came first): the outcome page says how.
      return view.status === "OPEN" ? { ...view, redirectUrl: session.redirectUrl } : view;
    }
    const outcome = await gateway.chargeSavedCard({
      ...common, cardToken: request.cardToken, merchantCustomerRef: request.merchantCustomerRef, description: request.description, initiator: request.initiator, returnUrl: request.returnPath,
    });
    failpoint("attempt.after-charge");
    const view = await applyOutcome(attemptId, outcome, { purpose: a.purpose });
    failpoint("attempt.after-record");
    return view;
  } catch (error) {
    log("attempts").error({ err: error, attemptId }, "gateway call failed");
    return { status: "OPEN" };
  }
}
