import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs";
import type { JobContext, JobPayloads } from "@/lib/jobs/types";
import { listDueServiceIds, renewService, renewServices, runHousekeeping } from "./engine";
import { dailySlot, fromRomeWall, parseDailyAt, romeDay } from "./schedule";

const dailyAt = () => parseDailyAt(process.env.RENEWALS_DAILY_AT);
/** RENEWALS_DAILY_AT=off: no daily run (e.g. a test server where only QA's "as of" runs may act). */
const dailyOff = () => process.env.RENEWALS_DAILY_AT?.trim() === "off";

/**
 * Enqueues the run of the Italian day of `at` at RENEWALS_DAILY_AT ("HH:MM", default 06:00),
 * once whatever the number of workers: a server started after that time runs it at once, one
 * that missed a day catches up. Each run enqueues the next day's.
 */
export async function scheduleDailyRenewals(at: Date = now()) {
  if (dailyOff()) return;
  const slot = dailySlot(at, dailyAt());
  await enqueueDailyRun(slot);
}

async function enqueueDailyRun(slot: Date) {
  const day = romeDay(slot);
  await enqueueJob(db, { type: "renewals.run", payload: { day }, uniqueKey: `renewals.run:${day}`, runAt: slot });
}

/**
 * The daily run fans out one `renewals.service` job per service due (one per service and day), so
 * that every worker shares the load; expiries and notices run here.
 */
export async function runDailyRenewals(payload: { day: string }, ctx: JobContext) {
  // From the run's own day, not from the time it ran: a run late past midnight skips no day.
  const [year, month, day] = payload.day.split("-").map(Number);
  const { hour, minute } = dailyAt();
  if (!dailyOff()) await enqueueDailyRun(fromRomeWall({ year, month, day: day + 1, hour, minute, second: 0, ms: 0 }));
  const due = await listDueServiceIds({ at: ctx.now });
  // In one statement per thousand (INSERT … ON CONFLICT DO NOTHING on the unique key, like enqueueJob).
  for (let i = 0; i < due.length; i += 1000) {
    await db.job.createMany({
      data: due.slice(i, i + 1000).map((serviceId) => ({ type: "renewals.service", payload: { serviceId, day: payload.day } satisfies JobPayloads["renewals.service"], uniqueKey: `renewals.service:${serviceId}:${payload.day}`, runAt: now(), createdAt: now() })),
      skipDuplicates: true,
    });
  }
  await runHousekeeping({ at: ctx.now });
}

export async function renewServiceJob(payload: { serviceId: string }, ctx: JobContext) {
  await renewService({ serviceId: payload.serviceId, at: ctx.now });
}

/**
 * The `renewals.service` jobs a worker claimed in one round, run as one batch (`renewServices`).
 * Jobs claimed in one round share its time, so they renew as of the same moment.
 */
export async function renewServicesJob(items: { payload: { serviceId: string }; ctx: JobContext }[]): Promise<(unknown | null)[]> {
  if (items.length === 0) return [];
  const results = await renewServices({ serviceIds: items.map((i) => i.payload.serviceId), at: items[0].ctx.now });
  return results.map((r) => (r.status === "rejected" ? r.reason ?? new Error("renewal failed") : null));
}
