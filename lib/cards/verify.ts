import "server-only";
import { randomUUID } from "node:crypto";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getGateway } from "@/lib/gateway";
import { ceilingAmountCents } from "@/lib/payments/ceiling";
import { openVerificationStatuses } from "./confirm-verification";
import { CardError } from "./errors";
import { hasActiveRenewal, lockCustomerCards } from "./lock";
import { getRenewalSetup, recordCeilingConsent } from "./renewal-setup";
import { log } from "@/lib/ops/log";

export const verificationReturnPath = (verificationId: string) => `/metodi-di-pagamento/verifiche/${verificationId}/ritorno`;
const NOTIFY_PATH = "/api/payments/notify";

/**
 * Card testing (trying stolen numbers through a free verification) is the classic abuse of a
 * zero-amount check: a customer may have a few verifications open at once, start a limited
 * number a day, and after repeated failures must wait until the next day.
 */
export const verificationLimits = { open: 3, perDay: 10, failedPerDay: 5 } as const;
const DAY_MS = 24 * 60 * 60_000;

/** What the "Aggiungi una carta" page needs: the default of the checkbox and the ceiling to show. */
export async function getNewCardSetup(viewer: Viewer) {
  const setup = await getRenewalSetup(viewer.customerId);
  const active = hasActiveRenewal(setup.renewing);
  return { forRenewalsByDefault: active || !setup.renewalCard, ceilingCents: active ? ceilingAmountCents(setup.renewing) : null };
}

/**
 * "Aggiungi una carta": opens a zero-amount verification on the bank's hosted page. When the new
 * card will pay renewals while one is active, the customer must have consented to the ceiling
 * shown (`ceilingCents`), recorded now and bound to the card once the bank verifies it.
 */
export async function startCardVerification(opts: {
  viewer: Viewer; forRenewals: boolean; ceilingConsent: boolean; ceilingCents?: number; ip?: string; userAgent?: string;
}): Promise<{ verificationId: string; redirectUrl?: string }> {
  if (opts.viewer.pecServiceId) throw new CardError("account_login_required");
  const customerId = opts.viewer.customerId;
  const verification = await db.$transaction(async (tx) => {
    if (!(await lockCustomerCards(tx, customerId))) throw new Error(`customer ${customerId} not found`);
    const setup = await getRenewalSetup(customerId, tx);
    const ceiling = opts.forRenewals && hasActiveRenewal(setup.renewing) ? ceilingAmountCents(setup.renewing) : null;
    if (ceiling !== null && !opts.ceilingConsent) throw new CardError("ceiling_consent_required");
    if (ceiling !== null && opts.ceilingCents !== ceiling) throw new CardError("ceiling_changed");
    await checkLimits(customerId);

    const v = await tx.cardVerification.create({
      data: { customerId, idempotencyKey: `verify_${randomUUID()}`, forRenewals: opts.forRenewals, ip: opts.ip, userAgent: opts.userAgent, createdAt: now() },
      select: { id: true, idempotencyKey: true },
    });
    if (ceiling !== null) await recordCeilingConsent(tx, { customerId, amountCents: ceiling, verificationId: v.id, ip: opts.ip, userAgent: opts.userAgent });
    await writeAudit(tx, {
      actor: actorOf.customer(customerId), action: "card.verification_started", entity: "customer", entityId: customerId,
      data: { verificationId: v.id, forRenewals: opts.forRenewals }, ip: opts.ip, userAgent: opts.userAgent,
    });
    return v;

    async function checkLimits(id: string) {
      const since = new Date(now().getTime() - DAY_MS);
      const open = await tx.cardVerification.count({ where: { customerId: id, status: { in: [...openVerificationStatuses] } } });
      const started = await tx.cardVerification.count({ where: { customerId: id, createdAt: { gte: since } } });
      const failed = await tx.cardVerification.count({ where: { customerId: id, createdAt: { gte: since }, status: "FAILED" } });
      if (open >= verificationLimits.open || started >= verificationLimits.perDay || failed >= verificationLimits.failedPerDay) {
        throw new CardError("too_many_verifications");
      }
    }
  });
  return sendToBank(verification, customerId);
}

async function sendToBank(v: { id: string; idempotencyKey: string }, customerId: string) {
  const sent = await db.cardVerification.updateMany({ where: { id: v.id, status: "CREATED" }, data: { status: "SENT" } });
  if (sent.count === 0) return { verificationId: v.id };
  try {
    const session = await getGateway().createHostedSession({
      kind: "VERIFY", amountCents: 0, currency: "EUR", merchantRef: v.id, merchantCustomerRef: customerId, idempotencyKey: v.idempotencyKey,
      returnUrl: verificationReturnPath(v.id), notifyUrl: NOTIFY_PATH, saveCard: true, description: "Verifica della carta",
    });
    await db.cardVerification.updateMany({ where: { id: v.id, status: "SENT" }, data: { status: "REQUIRES_ACTION", gatewaySessionId: session.sessionId } });
    return { verificationId: v.id, redirectUrl: session.redirectUrl };
  } catch (error) {
    // The bank's answer is unknown: the verification stays SENT and reconciliation settles it.
    log("cards").error({ err: error, verificationId: v.id }, "gateway call failed");
    return { verificationId: v.id };
  }
}
