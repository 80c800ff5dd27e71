import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { renewServiceJob, runDailyRenewals, scheduleDailyRenewals } from "./job";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});

const ctx = (at: Date) => ({ jobId: "t", attempt: 1, maxAttempts: 1, workerId: "t", now: at });

describe("the daily renewals job", () => {
  it("is enqueued once per Italian day at RENEWALS_DAILY_AT, and each run enqueues the next day's", async () => {
    process.env.RENEWALS_DAILY_AT = "07:30";
    const at = new Date("2031-01-10T15:00:00Z");
    await Promise.all([scheduleDailyRenewals(at), scheduleDailyRenewals(at), scheduleDailyRenewals(new Date("2031-01-10T05:00:00Z"))]);
    expect(await db.job.findMany({ where: { type: "renewals.run", uniqueKey: { startsWith: "renewals.run:2031-" } }, select: { runAt: true, payload: true } })).toEqual([
      { runAt: new Date("2031-01-10T06:30:00Z"), payload: { day: "2031-01-10" } },
    ]);
    await runDailyRenewals({ day: "2031-01-10" }, ctx(new Date("2031-01-11T01:00:00Z")));
    const runs = await db.job.findMany({ where: { type: "renewals.run", uniqueKey: { startsWith: "renewals.run:2031-" } }, select: { uniqueKey: true, runAt: true }, orderBy: { runAt: "asc" } });
    expect(runs.map((r) => r.uniqueKey)).toEqual(["renewals.run:2031-01-10", "renewals.run:2031-01-11"]);
    expect(runs[1].runAt).toEqual(new Date("2031-01-11T06:30:00Z"));
    delete process.env.RENEWALS_DAILY_AT;
  });

  it("fans out one job per due service, once per day, and the service job renews it", async () => {
    const c = await createTestCustomer({ kind: "saved-card", spidExpiresInDays: 4 });
    const spid = await db.service.findFirstOrThrow({ where: { customerId: c.customerId, productCode: "SPID" } });
    const at = new Date();
    await runDailyRenewals({ day: "2030-06-01" }, ctx(at));
    await runDailyRenewals({ day: "2030-06-01" }, ctx(at));
    const jobs = await db.job.findMany({ where: { type: "renewals.service", payload: { path: ["serviceId"], equals: spid.id } }, select: { payload: true } });
    expect(jobs).toEqual([{ payload: { serviceId: spid.id, day: "2030-06-01" } }]);
    await Promise.all([renewServiceJob({ serviceId: spid.id }, ctx(at)), renewServiceJob({ serviceId: spid.id }, ctx(at))]);
    expect(await db.order.findMany({ where: { serviceId: spid.id }, select: { status: true } })).toEqual([{ status: "PAID" }]);
  });
});
