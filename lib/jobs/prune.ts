import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { log } from "@/lib/ops/log";
import { enqueueJob } from "./enqueue";
import type { JobContext } from "./types";

/** Finished jobs are kept this long (what ran, when, on which worker), then deleted. */
export const KEEP_DONE_MS = 14 * 24 * 60 * 60_000;
const EVERY_MS = 60 * 60_000;

/**
 * Enqueues the hourly pruning of the current hour once, however many workers start. Without it the
 * queue table grows for ever: the reconciliation alone finishes 2,880 jobs a day.
 */
export async function schedulePruning(at: Date = now()) {
  const slot = new Date(Math.floor(at.getTime() / EVERY_MS) * EVERY_MS);
  await enqueueJob(db, { type: "jobs.prune", payload: { slot: slot.toISOString() }, uniqueKey: `jobs.prune:${slot.toISOString()}`, runAt: slot });
}

/**
 * Deletes the jobs DONE more than KEEP_DONE_MS ago. FAILED jobs stay until someone has looked at
 * them; pending and running ones are never touched. Unique keys of deleted jobs are past slots and
 * days, or work whose own records (payment, refund, outbox row) already refuse a second run.
 */
export async function pruneFinishedJobs(_payload: { slot: string }, ctx: JobContext) {
  await schedulePruning(new Date(ctx.now.getTime() + EVERY_MS));
  const { count } = await db.job.deleteMany({ where: { status: "DONE", finishedAt: { lt: new Date(ctx.now.getTime() - KEEP_DONE_MS) } } });
  if (count > 0) log("jobs").info({ deleted: count }, "finished jobs pruned");
}
