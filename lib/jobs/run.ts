import "server-only";
import { db, Prisma } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { getJobBatchHandler, getJobHandler } from "./registry";
import type { JobContext, JobType } from "./types";
import { log } from "@/lib/ops/log";

/** A RUNNING job whose lock is older than this belongs to a worker that died: it is run again. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5 * 60_000;
const MAX_RETRY_DELAY_MS = 60 * 60_000;

export type RunDueJobsOptions = {
  workerId: string;
  now?: Date;
  limit?: number;
  lockTimeoutMs?: number;
};

export type RunDueJobsResult = { claimed: number; done: number; retried: number; failed: number };

type ClaimedJob = { id: string; type: string; payload: unknown; attempts: number; maxAttempts: number };
type Outcome = Pick<Prisma.JobUpdateManyMutationInput, "status" | "runAt" | "finishedAt" | "lastError">;

/** Exponential backoff after the n-th failed attempt: 2^n seconds, at most an hour, plus up to 10% jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random) {
  const base = Math.min(2 ** attempt * 1000, MAX_RETRY_DELAY_MS);
  return base + Math.floor(random() * base * 0.1);
}

// Timestamps are `timestamp(3)` in UTC: pass them as ISO text so the session time zone never matters.
const ts = (d: Date) => Prisma.sql`CAST(${d.toISOString()} AS timestamp(3))`;

/**
 * Claims due jobs in one statement and runs them one after the other. Several workers (processes
 * or concurrent calls) never claim the same job: rows locked by another claim are skipped, and a
 * row claimed meanwhile no longer matches when the lock is obtained. Jobs stuck in RUNNING for
 * longer than `lockTimeoutMs` are claimed again (their worker crashed).
 */
export async function runDueJobs(options: RunDueJobsOptions): Promise<RunDueJobsResult> {
  const { workerId, limit = 10, lockTimeoutMs = DEFAULT_LOCK_TIMEOUT_MS } = options;
  const claimedAt = options.now ?? clockNow();
  const staleBefore = new Date(claimedAt.getTime() - lockTimeoutMs);

  // Attempts are counted when claimed, so a job that kills its worker still runs out of attempts.
  const jobs = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job"
    SET status = 'RUNNING', "lockedAt" = ${ts(claimedAt)}, "lockedBy" = ${workerId}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE (status = 'PENDING' AND "runAt" <= ${ts(claimedAt)})
         OR (status = 'RUNNING' AND "lockedAt" < ${ts(staleBefore)})
      ORDER BY "runAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, type, payload, attempts, "maxAttempts"`;

  const result: RunDueJobsResult = { claimed: jobs.length, done: 0, retried: 0, failed: 0 };
  const tally = (outcome: Outcome) => {
    if (outcome.status === "DONE") result.done++;
    else if (outcome.status === "FAILED") result.failed++;
    else result.retried++;
  };
  const run = { workerId, claimedAt, fixedNow: options.now };
  const batched = new Set<string>();
  for (const job of jobs) {
    if (batched.has(job.id)) continue;
    const batchHandler = getJobBatchHandler(job.type as JobType);
    if (batchHandler) {
      // Every job of this type claimed in the round goes to its handler at once.
      const group = jobs.filter((j) => j.type === job.type);
      for (const j of group) batched.add(j.id);
      const outcomes = await runBatch(group, batchHandler, run);
      outcomes.forEach(tally);
      await finishAll(group, workerId, claimedAt, outcomes);
      continue;
    }
    const outcome = await runOne(job, run);
    tally(outcome);
    await finish(job.id, workerId, claimedAt, outcome);
  }
  return result;
}

type Run = { workerId: string; claimedAt: Date; fixedNow?: Date };

const contextOf = (job: ClaimedJob, { workerId, claimedAt }: Run): JobContext => ({ jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts, workerId, now: claimedAt });

/** Reclaimed after its worker died during the last allowed attempt: not run again. */
const lostOnLastAttempt = (job: ClaimedJob, at: Date): Outcome | null =>
  job.attempts > job.maxAttempts ? { status: "FAILED", finishedAt: at, lastError: "Worker lost during the last attempt" } : null;

/** What becomes of a job after its handler returned (error null) or threw. */
function outcomeOf(job: ClaimedJob, error: unknown, at: Date): Outcome {
  if (error === null || error === undefined) return { status: "DONE", finishedAt: at, lastError: null };
  const lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log("jobs").error({ jobId: job.id, type: job.type, attempt: job.attempts, maxAttempts: job.maxAttempts, error: lastError }, "job attempt failed");
  if (job.attempts >= job.maxAttempts) return { status: "FAILED", finishedAt: at, lastError };
  return { status: "PENDING", runAt: new Date(at.getTime() + retryDelayMs(job.attempts)), lastError };
}

async function runOne(job: ClaimedJob, run: Run): Promise<Outcome> {
  const at = () => run.fixedNow ?? clockNow();
  const lost = lostOnLastAttempt(job, at());
  if (lost) return lost;
  try {
    const handler = getJobHandler(job.type as JobType);
    if (!handler) throw new Error(`No handler registered for job type "${job.type}"`);
    await handler(job.payload as never, contextOf(job, run));
    return outcomeOf(job, null, at());
  } catch (error) {
    return outcomeOf(job, error, at());
  }
}

async function runBatch(jobs: ClaimedJob[], handler: NonNullable<ReturnType<typeof getJobBatchHandler>>, run: Run): Promise<Outcome[]> {
  const at = () => run.fixedNow ?? clockNow();
  const outcomes = jobs.map((job) => lostOnLastAttempt(job, at()));
  const runnable = jobs.filter((_, i) => !outcomes[i]);
  let errors: unknown[];
  try {
    errors = runnable.length ? await handler(runnable.map((job) => ({ payload: job.payload as never, ctx: contextOf(job, run) }))) : [];
  } catch (error) {
    errors = runnable.map(() => error);
  }
  const finishedAt = at();
  runnable.forEach((job, i) => (outcomes[jobs.indexOf(job)] = outcomeOf(job, errors[i] ?? null, finishedAt)));
  return outcomes as Outcome[];
}

/** The jobs of a batch: those done in one statement, the others one by one. */
async function finishAll(jobs: ClaimedJob[], workerId: string, claimedAt: Date, outcomes: Outcome[]) {
  const done = jobs.filter((_, i) => outcomes[i].status === "DONE").map((j) => j.id);
  if (done.length) {
    const finishedAt = outcomes.find((o) => o.status === "DONE")!.finishedAt;
    const { count } = await db.job.updateMany({
      where: { id: { in: done }, status: "RUNNING", lockedBy: workerId, lockedAt: claimedAt },
      data: { status: "DONE", finishedAt, lastError: null, lockedAt: null, lockedBy: workerId },
    });
    if (count < done.length) log("jobs").warn({ jobs: done.length, finished: count, outcome: "DONE" }, "lock lost before finishing, outcome dropped");
  }
  for (const [i, job] of jobs.entries()) if (outcomes[i].status !== "DONE") await finish(job.id, workerId, claimedAt, outcomes[i]);
}

/**
 * Records the outcome only if this worker still holds the job (its lock was not taken over).
 * A finished job keeps the name of the worker that ran it, for operators (and the multi-instance check).
 */
async function finish(id: string, workerId: string, claimedAt: Date, outcome: Outcome) {
  const { count } = await db.job.updateMany({
    where: { id, status: "RUNNING", lockedBy: workerId, lockedAt: claimedAt },
    data: { ...outcome, lockedAt: null, lockedBy: outcome.status === "PENDING" ? null : workerId },
  });
  if (count === 0) log("jobs").warn({ jobId: id, outcome: outcome.status }, "lock lost before finishing, outcome dropped");
}
