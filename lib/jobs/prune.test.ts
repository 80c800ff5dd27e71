import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { registerDefaultJobHandlers, scheduleRecurringJobs } from "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs";
import { truncateAllTables } from "@/tests/db";
import { KEEP_DONE_MS } from "./prune";

const T0 = new Date("2026-03-01T09:20:00.000Z");
const ago = (ms: number) => new Date(T0.getTime() - ms);
const DAY = 24 * 60 * 60_000;

beforeEach(async () => {
  await truncateAllTables();
  setClock(T0);
  registerDefaultJobHandlers();
});
afterEach(() => resetClock());

describe("jobs.prune", () => {
  it("deletes only jobs finished more than 14 days ago, keeps failed and pending ones, and schedules the next hour once", async () => {
    const old = ago(KEEP_DONE_MS + DAY);
    await db.job.createMany({
      data: [
        { type: "email.send", payload: {}, status: "DONE", finishedAt: old, uniqueKey: "old-done" },
        { type: "email.send", payload: {}, status: "DONE", finishedAt: ago(KEEP_DONE_MS - DAY), uniqueKey: "recent-done" },
        { type: "email.send", payload: {}, status: "FAILED", finishedAt: old, uniqueKey: "old-failed" },
        { type: "email.send", payload: {}, status: "PENDING", runAt: new Date(T0.getTime() + DAY), createdAt: old, uniqueKey: "old-pending" },
      ],
    });
    await scheduleRecurringJobs();
    await scheduleRecurringJobs(); // a second worker starting: still one pruning per hour

    // Due now: this hour's pruning and the current reconciliation slot.
    expect((await runDueJobs({ workerId: "w" })).failed).toBe(0);

    const keys = (await db.job.findMany({ where: { uniqueKey: { in: ["old-done", "recent-done", "old-failed", "old-pending"] } }, select: { uniqueKey: true } })).map((j) => j.uniqueKey);
    expect(keys.sort()).toEqual(["old-failed", "old-pending", "recent-done"]);
    const prunings = await db.job.findMany({ where: { type: "jobs.prune" }, orderBy: { runAt: "asc" }, select: { status: true, runAt: true } });
    expect(prunings).toEqual([
      { status: "DONE", runAt: new Date("2026-03-01T09:00:00.000Z") },
      { status: "PENDING", runAt: new Date("2026-03-01T10:00:00.000Z") },
    ]);
  });
});
