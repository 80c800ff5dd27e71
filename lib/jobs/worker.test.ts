import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueJob, registerJobHandler } from "@/lib/jobs";
import { startWorker } from "@/lib/jobs/worker";
import "@/tests/jobs";

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it("polls for due jobs, survives failing ones, and stops after the round in progress", async () => {
  const seen: number[] = [];
  registerJobHandler("test.record", async ({ n }) => void seen.push(n));
  registerJobHandler("test.fail", async () => {
    throw new Error("boom");
  });
  const stop = startWorker({ pollMs: 20, workerId: "loop" });
  try {
    await enqueueJob(db, { type: "test.fail", payload: { n: 0 }, maxAttempts: 1 });
    await enqueueJob(db, { type: "test.record", payload: { n: 1 } });
    await waitFor(async () => (await db.job.count({ where: { status: { in: ["DONE", "FAILED"] } } })) === 2);
    await enqueueJob(db, { type: "test.record", payload: { n: 2 } });
    await waitFor(async () => seen.includes(2));
  } finally {
    await stop();
  }
  expect(seen).toEqual([1, 2]);

  await enqueueJob(db, { type: "test.record", payload: { n: 3 } });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(seen).toEqual([1, 2]);
});

it("a job enqueued in the same process is run at once, not at the next poll", async () => {
  const seen: number[] = [];
  registerJobHandler("test.record", async ({ n }) => void seen.push(n));
  const stop = startWorker({ pollMs: 60_000, workerId: "woken" });
  try {
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first round has run: now it sleeps a minute
    await enqueueJob(db, { type: "test.record", payload: { n: 11 } });
    await waitFor(async () => seen.includes(11), 3_000);
    // Enqueued inside a transaction that commits after the first look: the second look finds it.
    await db.$transaction(async (tx) => {
      await enqueueJob(tx, { type: "test.record", payload: { n: 12 } });
      await new Promise((resolve) => setTimeout(resolve, 150));
    });
    await waitFor(async () => seen.includes(12), 3_000);
  } finally {
    await stop();
  }
  // (the previous test left a job behind, which this worker also runs)
  expect(seen.filter((n) => n > 10)).toEqual([11, 12]);
});
