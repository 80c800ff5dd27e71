import "server-only";
import { db } from "@/lib/db";
import { chargeRenewalOrder, type ChargeOutcome } from "./charges";
import { expireServices } from "./expiry";
import { sendCardExpiringNotices, sendServiceExpiringNotices } from "./notices";
import { ensureRenewalOrder, type RenewableService } from "./orders";
import { inRenewalWindow, romeDaysBefore } from "./schedule";
import { log } from "@/lib/ops/log";

export type RenewalRunSummary = { services: number; ordersCreated: number; charged: number; failed: number; expired: number; notices: number };

const renewableFields = {
  id: true, customerId: true, name: true, expiresAt: true, renewalPriceCents: true, productCode: true, product: { select: { name: true } },
} as const;

/** Services with automatic renewal in their renewal window at `at` (first stage come, not expired). */
export async function listDueServiceIds(opts: { at: Date; customerId?: string }): Promise<string[]> {
  const rows = await db.service.findMany({
    where: {
      status: "ACTIVE", autoRenewal: true, product: { autoRenewalAvailable: true },
      expiresAt: { gt: opts.at, lte: romeDaysBefore(opts.at, -8) }, ...(opts.customerId ? { customerId: opts.customerId } : {}),
    },
    select: { id: true, expiresAt: true },
    orderBy: { expiresAt: "asc" },
  });
  return rows.filter((s) => inRenewalWindow(s.expiresAt!, opts.at)).map((s) => s.id);
}

/**
 * One service's renewal at `at`: its order for the period (made once) and the charge stage due.
 * Safe to run from any number of workers at once; this is what a `renewals.service` job does.
 */
export async function renewService(opts: { serviceId: string; at: Date }): Promise<{ orderCreated: boolean; charge: ChargeOutcome }> {
  const service = await db.service.findFirst({
    where: { id: opts.serviceId, status: "ACTIVE", autoRenewal: true, product: { autoRenewalAvailable: true } },
    select: renewableFields,
  });
  if (!service?.expiresAt || !inRenewalWindow(service.expiresAt, opts.at)) return { orderCreated: false, charge: "skipped" };
  const order = await ensureRenewalOrder(service as RenewableService);
  if (!order) return { orderCreated: false, charge: "skipped" };
  return { orderCreated: order.created, charge: await chargeRenewalOrder(order.orderId, opts.at) };
}

/**
 * The renewal engine as of `at` (never the wall clock, so QA can run it "as of" a date):
 * renewal orders and off-session charges, expiry of services left unpaid, advance notices.
 * `customerId` limits a run to one customer (the dev tool, tests).
 */
export async function runRenewals(opts: { at: Date; customerId?: string }): Promise<RenewalRunSummary> {
  const summary: RenewalRunSummary = { services: 0, ordersCreated: 0, charged: 0, failed: 0, expired: 0, notices: 0 };
  for (const serviceId of await listDueServiceIds(opts)) {
    summary.services++;
    let r: Awaited<ReturnType<typeof renewService>>;
    try {
      r = await renewService({ serviceId, at: opts.at });
    } catch (error) {
      // One service's trouble must not stop the others; its next stage (or run) tries again.
      log("renewals").error({ err: error, serviceId }, "renewal of a service failed");
      continue;
    }
    if (r.orderCreated) summary.ordersCreated++;
    if (r.charge === "charged") summary.charged++;
    if (r.charge === "failed") summary.failed++;
  }
  Object.assign(summary, await runHousekeeping(opts));
  return summary;
}

/** The part of a daily run that is not per service: expiries and advance notices. */
export async function runHousekeeping(opts: { at: Date; customerId?: string }) {
  const expired = await expireServices(opts);
  const notices = (await sendServiceExpiringNotices(opts)) + (await sendCardExpiringNotices(opts));
  return { expired, notices };
}
