import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { enqueueJob, registerJobHandler, retryDelayMs, runDueJobs } from "@/lib/jobs";
import { truncateAllTables } from "@/tests/db";
import "@/tests/jobs";

const T0 = new Date("2026-03-01T09:00:00.000Z");
const minutes = (n: number) => n * 60_000;

beforeEach(async () => {
  await truncateAllTables();
  setClock(T0);
});
afterEach(() => resetClock());

describe("runDueJobs", () => {
  it("runs an enqueued job once and marks it done", async () => {
    const seen: number[] = [];
    registerJobHandler("test.record", async ({ n }) => void seen.push(n));
    const { id } = await enqueueJob(db, { type: "test.record", payload: { n: 7 } });

    expect(await runDueJobs({ workerId: "w1" })).toEqual({ claimed: 1, done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([7]);
    const job = await db.job.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "DONE", attempts: 1, lockedBy: "w1", lockedAt: null, finishedAt: T0 });
    expect((await runDueJobs({ workerId: "w1" })).claimed).toBe(0);
    expect(seen).toEqual([7]);
  });

  it("leaves a job alone until its runAt", async () => {
    registerJobHandler("test.record", async () => {});
    await enqueueJob(db, { type: "test.record", payload: { n: 1 }, runAt: new Date(T0.getTime() + minutes(5)) });
    expect((await runDueJobs({ workerId: "w" })).claimed).toBe(0);
    expect((await runDueJobs({ workerId: "w", now: new Date(T0.getTime() + minutes(5)) })).done).toBe(1);
  });

  it("retries a failing job with exponential backoff, then marks it FAILED after maxAttempts", async () => {
    let calls = 0;
    registerJobHandler("test.fail", async () => {
      calls++;
      throw new Error("boom");
    });
    const { id } = await enqueueJob(db, { type: "test.fail", payload: { n: 1 }, maxAttempts: 3 });
    const load = () => db.job.findUniqueOrThrow({ where: { id } });

    let previousRun = T0;
    for (const attempt of [1, 2]) {
      expect(await runDueJobs({ workerId: "w" })).toMatchObject({ claimed: 1, retried: 1 });
      const job = await load();
      expect(job).toMatchObject({ status: "PENDING", attempts: attempt, lastError: "Error: boom", lockedBy: null });
      const delay = job.runAt.getTime() - previousRun.getTime();
      expect(delay).toBeGreaterThanOrEqual(2 ** attempt * 1000);
      expect(delay).toBeLessThanOrEqual(2 ** attempt * 1100);

      setClock(new Date(job.runAt.getTime() - 1));
      expect((await runDueJobs({ workerId: "w" })).claimed).toBe(0);
      setClock(job.runAt);
      previousRun = job.runAt;
    }

    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await load()).toMatchObject({ status: "FAILED", attempts: 3, finishedAt: previousRun, lastError: "Error: boom" });
    expect(calls).toBe(3);
    expect((await runDueJobs({ workerId: "w", now: new Date(T0.getTime() + minutes(600)) })).claimed).toBe(0);
  });

  it("treats a job without a registered handler as a failure to retry", async () => {
    const { id } = await db.job.create({ data: { type: "test.unknown", payload: {}, runAt: T0 } });
    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ retried: 1 });
    expect((await db.job.findUniqueOrThrow({ where: { id } })).lastError).toContain("No handler");
  });

  it("reclaims a job stuck in RUNNING once its lock is older than the timeout", async () => {
    const seen: number[] = [];
    registerJobHandler("test.record", async ({ n }) => void seen.push(n));
    const stuck = { type: "test.record", status: "RUNNING", lockedBy: "dead-worker", attempts: 1, runAt: T0 } as const;
    const crashed = await db.job.create({ data: { ...stuck, payload: { n: 1 }, lockedAt: new Date(T0.getTime() - minutes(6)) } });
    const busy = await db.job.create({ data: { ...stuck, payload: { n: 2 }, lockedAt: new Date(T0.getTime() - minutes(1)) } });

    expect(await runDueJobs({ workerId: "w", lockTimeoutMs: minutes(5) })).toMatchObject({ claimed: 1, done: 1 });
    expect(seen).toEqual([1]);
    expect(await db.job.findUniqueOrThrow({ where: { id: crashed.id } })).toMatchObject({ status: "DONE", attempts: 2 });
    expect(await db.job.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({ status: "RUNNING", lockedBy: "dead-worker" });
  });

  it("fails a reclaimed job whose worker died during its last attempt, without running it", async () => {
    let calls = 0;
    registerJobHandler("test.record", async () => void calls++);
    const { id } = await db.job.create({
      data: {
        type: "test.record", payload: { n: 1 }, status: "RUNNING", attempts: 2, maxAttempts: 2,
        lockedBy: "dead-worker", lockedAt: new Date(T0.getTime() - minutes(10)),
      },
    });
    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ claimed: 1, failed: 1 });
    expect(calls).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", lastError: "Worker lost during the last attempt" });
  });

  it("drops the outcome of a worker whose lock was taken over meanwhile", async () => {
    let calls = 0;
    registerJobHandler("test.record", async () => {
      calls++;
      if (calls > 1) return;
      // While the first worker is still busy, its lock expires and another worker runs the job.
      const later = new Date(T0.getTime() + minutes(6));
      expect(await runDueJobs({ workerId: "w2", now: later, lockTimeoutMs: minutes(5) })).toMatchObject({ done: 1 });
      throw new Error("too late");
    });
    const { id } = await enqueueJob(db, { type: "test.record", payload: { n: 1 } });
    await runDueJobs({ workerId: "w1" });
    expect(calls).toBe(2);
    expect(await db.job.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", attempts: 2, lastError: null });
  });
});

describe("enqueueJob", () => {
  it("enqueues a job with a uniqueKey only once", async () => {
    const first = await enqueueJob(db, { type: "test.record", payload: { n: 1 }, uniqueKey: "k1" });
    const again = await enqueueJob(db, { type: "test.record", payload: { n: 2 }, uniqueKey: "k1" });
    const inTx = await db.$transaction((tx) => enqueueJob(tx, { type: "test.record", payload: { n: 3 }, uniqueKey: "k1" }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(inTx).toEqual({ id: first.id, created: false });
    expect(await db.job.findMany({ select: { payload: true } })).toEqual([{ payload: { n: 1 } }]);
  });

  it("commits the job with the caller's transaction, or not at all", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, { type: "test.record", payload: { n: 1 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.job.count()).toBe(0);
  });
});

describe("retryDelayMs", () => {
  it("doubles per attempt, stops growing at one hour and adds at most 10% jitter", () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, () => 0))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelayMs(12, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(40, () => 0.9999)).toBeLessThan(3_960_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(8400);
  });
});
