import "server-only";
import { db } from "@/lib/db";
import { chargeRenewalOrders, type ChargeOutcome } from "./charges";
import { expireServices } from "./expiry";
import { sendCardExpiringNotices, sendServiceExpiringNotices } from "./notices";
import { ensureRenewalOrders, type RenewableService } from "./orders";
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

export type ServiceRenewal = { orderCreated: boolean; charge: ChargeOutcome };

/** Services renewed together by a run (a worker's batch of `renewals.service` jobs is at most its claim). */
const RUN_BATCH = 50;

/**
 * One service's renewal at `at`: its order for the period (made once) and the charge stage due.
 * Safe to run from any number of workers at once.
 */
export async function renewService(opts: { serviceId: string; at: Date }): Promise<ServiceRenewal> {
  const [result] = await renewServices({ serviceIds: [opts.serviceId], at: opts.at });
  if (result.status === "rejected") throw result.reason;
  return result.value;
}

/**
 * `renewService` for a batch of services, as the `renewals.service` jobs a worker claimed together
 * are run: the services, their orders and their charges are read, locked and written a batch at a
 * time, with the same checks as one at a time. Answers each service in the order given: what was
 * done, or the error of that service alone (its job retries; the others are done).
 */
export async function renewServices(opts: { serviceIds: string[]; at: Date }): Promise<PromiseSettledResult<ServiceRenewal>[]> {
  const skipped: PromiseSettledResult<ServiceRenewal> = { status: "fulfilled", value: { orderCreated: false, charge: "skipped" } };
  const found = await db.service.findMany({
    where: { id: { in: opts.serviceIds }, status: "ACTIVE", autoRenewal: true, product: { autoRenewalAvailable: true } },
    select: renewableFields,
  });
  const due = found.filter((s) => s.expiresAt && inRenewalWindow(s.expiresAt, opts.at)) as RenewableService[];
  let orders: Awaited<ReturnType<typeof ensureRenewalOrders>>;
  try {
    orders = await ensureRenewalOrders(due);
  } catch (reason) {
    return opts.serviceIds.map((id) => (due.some((s) => s.id === id) ? { status: "rejected", reason } : skipped));
  }
  const orderIds = [...new Set([...orders.values()].flatMap((o) => (o && "orderId" in o ? [o.orderId] : [])))];
  let charges: Awaited<ReturnType<typeof chargeRenewalOrders>>;
  try {
    charges = await chargeRenewalOrders(orderIds, opts.at);
  } catch (reason) {
    charges = new Map(orderIds.map((id) => [id, { status: "rejected", reason }]));
  }
  return opts.serviceIds.map((id): PromiseSettledResult<ServiceRenewal> => {
    const order = orders.get(id);
    if (!order) return skipped;
    if ("error" in order) return { status: "rejected", reason: order.error };
    const charge = charges.get(order.orderId)!;
    return charge.status === "rejected" ? charge : { status: "fulfilled", value: { orderCreated: order.created, charge: charge.value } };
  });
}

/**
 * The renewal engine as of `at` (never the wall clock, so QA can run it "as of" a date):
 * renewal orders and off-session charges, expiry of services left unpaid, advance notices.
 * `customerId` limits a run to one customer (the dev tool, tests).
 */
export async function runRenewals(opts: { at: Date; customerId?: string }): Promise<RenewalRunSummary> {
  const summary: RenewalRunSummary = { services: 0, ordersCreated: 0, charged: 0, failed: 0, expired: 0, notices: 0 };
  const due = await listDueServiceIds(opts);
  for (let i = 0; i < due.length; i += RUN_BATCH) {
    const serviceIds = due.slice(i, i + RUN_BATCH);
    const results = await renewServices({ serviceIds, at: opts.at });
    for (const [j, r] of results.entries()) {
      summary.services++;
      if (r.status === "rejected") {
        // One service's trouble must not stop the others; its next stage (or run) tries again.
        log("renewals").error({ err: r.reason, serviceId: serviceIds[j] }, "renewal of a service failed");
        continue;
      }
      if (r.value.orderCreated) summary.ordersCreated++;
      if (r.value.charge === "charged") summary.charged++;
      if (r.value.charge === "failed") summary.failed++;
    }
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
