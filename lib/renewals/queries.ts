import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { orderScope } from "@/lib/customers/scope";
import { db } from "@/lib/db";

/**
 * Automatic renewals that could not be charged (the engine tried at least once) and still wait
 * for payment: the home page shows each with a link to pay it by hand.
 */
export async function listFailedRenewals(viewer: Viewer) {
  return db.order.findMany({
    where: { AND: [orderScope(viewer), { renewalKey: { not: null }, status: "AWAITING_PAYMENT", autoChargeStage: { gt: 0 } }] },
    select: { id: true, number: true, totalCents: true, service: { select: { name: true, expiresAt: true } } },
    orderBy: { createdAt: "asc" },
  });
}

export type FailedRenewal = Awaited<ReturnType<typeof listFailedRenewals>>[number];
