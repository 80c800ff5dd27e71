import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueJob, registerJobHandler, runDueJobs } from "@/lib/jobs";
import { truncateAllTables } from "@/tests/db";
import { drainJobs } from "@/tests/jobs";

const JOBS = 50;
let runs: Map<number, number>;

beforeEach(async () => {
  await truncateAllTables();
  runs = new Map();
  registerJobHandler("test.record", async ({ n }) => {
    runs.set(n, (runs.get(n) ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 2)); // let the other workers interleave
  });
  for (let n = 0; n < JOBS; n++) await enqueueJob(db, { type: "test.record", payload: { n } });
});

function expectEachJobRanOnce() {
  expect(runs.size).toBe(JOBS);
  expect([...runs.values()].filter((count) => count !== 1)).toEqual([]);
}

it("workers draining the queue side by side never run one job twice", async () => {
  const claimed = await Promise.all([drainJobs("a", 5), drainJobs("b", 5), drainJobs("c", 5)]);
  expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(JOBS);
  expectEachJobRanOnce();
  expect(await db.job.count({ where: { status: "DONE" } })).toBe(JOBS);
});

it("simultaneous claims of the whole queue split it without overlap", async () => {
  const results = await Promise.all(["a", "b", "c", "d"].map((workerId) => runDueJobs({ workerId, limit: JOBS })));
  expect(results.reduce((sum, r) => sum + r.done, 0)).toBe(JOBS);
  expectEachJobRanOnce();
});
