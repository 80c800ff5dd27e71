import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { getGateway } from "@/lib/gateway";
import type { CardDetails, DeclineReason, PaymentOutcome } from "@/lib/gateway/types";
import { lockCustomerCards } from "./lock";
import { log } from "@/lib/ops/log";

export const openVerificationStatuses = ["CREATED", "SENT", "REQUIRES_ACTION"] as const;
/** Created or sent this recently, a verification may still be on its way to the bank. */
const IN_FLIGHT_GRACE_MS = 60_000;

export type VerificationView = { status: "SUCCEEDED" | "FAILED" | "OPEN" };

/**
 * Never trusts the browser or a notification: asks the bank about the verification and settles
 * it. With `cancelOpen` one still waiting for the customer at the bank is ended there first.
 * Replays (a refreshed return page, a repeated notification) find it settled and change nothing.
 */
export async function confirmCardVerification(opts: { verificationId: string; cancelOpen?: boolean }): Promise<VerificationView> {
  const v = await db.cardVerification.findUnique({ where: { id: opts.verificationId }, select: { status: true, idempotencyKey: true, updatedAt: true } });
  if (!v) throw new Error(`card verification ${opts.verificationId} not found`);
  if (v.status === "SUCCEEDED" || v.status === "FAILED") return { status: v.status };

  const gateway = getGateway();
  const lookup = { idempotencyKey: v.idempotencyKey };
  let outcome: PaymentOutcome = await gateway.getOutcome(lookup);
  if (opts.cancelOpen && (outcome.status === "requires_action" || outcome.status === "pending")) outcome = await gateway.cancel(lookup);
  switch (outcome.status) {
    case "succeeded":
      await db.$transaction((tx) => recordVerified(tx, opts.verificationId, { ...outcome.card, token: outcome.card.token }));
      break;
    case "failed":
      await recordFailure(opts.verificationId, outcome.reason);
      break;
    case "requires_action":
      await db.cardVerification.updateMany({ where: { id: opts.verificationId, status: "SENT" }, data: { status: "REQUIRES_ACTION" } });
      break;
    case "not_found":
      // Created but the call never reached the bank (the server died in between): nothing to verify.
      if (now().getTime() - v.updatedAt.getTime() > IN_FLIGHT_GRACE_MS) await recordFailure(opts.verificationId, "not_sent");
      break;
    default:
      break;
  }
  const { status } = await db.cardVerification.findUniqueOrThrow({ where: { id: opts.verificationId }, select: { status: true } });
  return { status: status === "SUCCEEDED" || status === "FAILED" ? status : "OPEN" };
}

/** The bank verified the card: saved, the ceiling consent bound to it, renewal card if asked. */
async function recordVerified(tx: Tx, verificationId: string, details: CardDetails) {
  const { customerId } = await tx.cardVerification.findUniqueOrThrow({ where: { id: verificationId }, select: { customerId: true } });
  await lockCustomerCards(tx, customerId);
  const at = now();
  const moved = await tx.cardVerification.updateMany({ where: { id: verificationId, status: { in: [...openVerificationStatuses] } }, data: { status: "SUCCEEDED", settledAt: at } });
  if (moved.count === 0) return; // settled meanwhile by another confirmation
  if (!details.token) throw new Error(`verification ${verificationId} succeeded without a saved card`);
  const fields = { brand: details.brand, last4: details.last4, expMonth: details.expMonth, expYear: details.expYear, holder: details.holder };
  const card = await tx.card.upsert({
    where: { gatewayToken: details.token },
    create: { customerId, gatewayToken: details.token, ...fields, createdAt: at },
    // The same card verified again (e.g. after removing it): back in the list, with its new expiry.
    update: { ...fields, removedAt: null },
    select: { id: true, customerId: true },
  });
  if (card.customerId !== customerId) throw new Error(`card token of another customer on verification ${verificationId}`);
  const v = await tx.cardVerification.update({ where: { id: verificationId }, data: { cardId: card.id }, select: { forRenewals: true, ip: true, userAgent: true } });
  await tx.ceilingConsent.updateMany({ where: { verificationId, cardId: null }, data: { cardId: card.id } });
  if (v.forRenewals) await tx.customer.update({ where: { id: customerId }, data: { renewalCardId: card.id } });
  await writeAudit(tx, {
    actor: actorOf.customer(customerId), action: "card.added", entity: "customer", entityId: customerId,
    data: { verificationId, cardId: card.id, brand: details.brand, last4: details.last4, forRenewals: v.forRenewals }, ip: v.ip ?? undefined, userAgent: v.userAgent ?? undefined,
  });
}

async function recordFailure(verificationId: string, reason: DeclineReason | "not_sent") {
  await db.$transaction(async (tx) => {
    const moved = await tx.cardVerification.updateMany({
      where: { id: verificationId, status: { in: [...openVerificationStatuses] } },
      data: { status: "FAILED", failureReason: reason, settledAt: now() },
    });
    if (moved.count === 0) return;
    const { customerId } = await tx.cardVerification.findUniqueOrThrow({ where: { id: verificationId }, select: { customerId: true } });
    await writeAudit(tx, { actor: actorOf.customer(customerId), action: "card.verification_failed", entity: "customer", entityId: customerId, data: { verificationId, reason } });
  });
}

/** The browser came back from the bank: ownership checked, the signature checked, the bank asked. */
export async function handleVerificationReturn(opts: { verificationId: string; customerId: string; query: URLSearchParams }) {
  if (!isUuid(opts.verificationId)) return null;
  const v = await db.cardVerification.findFirst({ where: { id: opts.verificationId, customerId: opts.customerId }, select: { id: true } });
  if (!v) return null;
  const signal = getGateway().verifyReturn(opts.query);
  if (signal && signal.merchantRef !== v.id) return null;
  // Valid, stale or missing signature alike: the bank's own answer decides.
  return confirmCardVerification({ verificationId: v.id });
}

const STALE_MS = 30_000;
/** The bank's hosted page lasts 15 minutes: past 20, a verification still waiting is ended there. */
const ABANDONED_MS = 20 * 60_000;

/** Run by the payments reconciliation: settles verifications left open, like payments. */
export async function reconcileCardVerifications(at: number) {
  const stuck = await db.cardVerification.findMany({
    where: { status: { in: [...openVerificationStatuses] }, updatedAt: { lt: new Date(at - STALE_MS) } },
    select: { id: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: 100,
  });
  for (const v of stuck) {
    try {
      await confirmCardVerification({ verificationId: v.id, cancelOpen: at - v.updatedAt.getTime() > ABANDONED_MS });
    } catch (error) {
      log("cards").error({ err: error, verificationId: v.id }, "reconcile of a verification failed");
    }
  }
}
