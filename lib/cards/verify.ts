import "server-only";
import { createAttempt, openStatuses, sendAttempt } from "@/lib/attempts";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db, type Prisma } from "@/lib/db";
import { ceilingAmountCents, hasActiveRenewal } from "@/lib/payments/ceiling";
import { CardError } from "./errors";
import { lockCustomerCards } from "./lock";
import { getRenewalSetup, recordCeilingConsent } from "./renewal-setup";

export const verificationReturnPath = (verificationId: string) => `/metodi-di-pagamento/verifiche/${verificationId}/ritorno`;

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

    const v = await createAttempt(tx, { purpose: "CARD_CHECK", amountCents: 0, ip: opts.ip, userAgent: opts.userAgent });
    await tx.cardVerification.create({ data: { id: v.id, customerId, forRenewals: opts.forRenewals } });
    if (ceiling !== null) await recordCeilingConsent(tx, { customerId, amountCents: ceiling, attemptId: v.id, ip: opts.ip, userAgent: opts.userAgent });
    await writeAudit(tx, {
      actor: actorOf.customer(customerId), action: "card.verification.started", entity: "customer", entityId: customerId,
      data: { verificationId: v.id, forRenewals: opts.forRenewals }, ip: opts.ip, userAgent: opts.userAgent,
    });
    return v;

    async function checkLimits(id: string) {
      const since = new Date(now().getTime() - DAY_MS);
      const mine = (attempt: Prisma.AttemptWhereInput) => tx.cardVerification.count({ where: { customerId: id, attempt } });
      const open = await mine({ status: { in: [...openStatuses] } });
      const started = await mine({ createdAt: { gte: since } });
      const failed = await mine({ createdAt: { gte: since }, status: "FAILED" });
      if (open >= verificationLimits.open || started >= verificationLimits.perDay || failed >= verificationLimits.failedPerDay) {
        throw new CardError("too_many_verifications");
      }
    }
  });
  const view = await sendAttempt(verification.id, {
    via: "hosted", kind: "VERIFY", merchantCustomerRef: customerId, saveCard: true, description: "Verifica della carta", returnPath: verificationReturnPath(verification.id),
  });
  return { verificationId: verification.id, ...(view.redirectUrl ? { redirectUrl: view.redirectUrl } : {}) };
}
