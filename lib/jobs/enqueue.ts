import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import type { EnqueueJobInput, JobType } from "./types";
import { jobEnqueued } from "./wake";

export type EnqueuedJob = { id: string; created: boolean };

/**
 * Adds a job inside the caller's transaction (or on `db`), so the job exists if and only if the
 * change that asked for it committed. With `uniqueKey`, enqueueing twice is a no-op
 * (INSERT … ON CONFLICT DO NOTHING): the existing job's id is returned with `created: false`.
 */
export async function enqueueJob<T extends JobType>(tx: Tx, input: EnqueueJobInput<T>): Promise<EnqueuedJob> {
  const [job] = await tx.job.createManyAndReturn({
    data: [
      {
        type: input.type,
        // Payload types are plain JSON objects by convention (see JobPayloads).
        payload: input.payload as unknown as Prisma.InputJsonObject,
        runAt: input.runAt ?? now(),
        createdAt: now(),
        uniqueKey: input.uniqueKey,
        maxAttempts: input.maxAttempts,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (job) {
    jobEnqueued();
    return { id: job.id, created: true };
  }

  const existing = await tx.job.findUniqueOrThrow({ where: { uniqueKey: input.uniqueKey }, select: { id: true } });
  return { id: existing.id, created: false };
}
