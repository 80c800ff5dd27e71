import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { runDueJobs } from "./run";
import { onJobEnqueued } from "./wake";
import { log } from "@/lib/ops/log";

/** After a job is enqueued in this process, look at once and again a little later (it may not be committed yet). */
const WAKE_CHECKS_MS = [50, 400] as const;

export type WorkerOptions = {
  /** Pause between polls when there is nothing (more) to do. */
  pollMs?: number;
  workerId?: string;
  /** Jobs claimed per round. */
  limit?: number;
  lockTimeoutMs?: number;
};

/** Stops polling and resolves once the round in progress, if any, has finished. */
export type StopWorker = () => Promise<void>;

/**
 * Polls for due jobs until stopped. Rounds never overlap (the next one is scheduled when the
 * previous ends), and an error is logged, never thrown: the loop keeps going.
 */
export function startWorker(options: WorkerOptions = {}): StopWorker {
  // A large claim lets batch handlers (renewals) take many jobs at once; two workers still share the queue.
  const { pollMs = 1000, limit = 50, lockTimeoutMs } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  async function drain() {
    try {
      // A full batch suggests more work is due: keep going before sleeping.
      while (!stopped) {
        const { claimed } = await runDueJobs({ workerId, limit, lockTimeoutMs });
        if (claimed < limit) break;
      }
    } catch (error) {
      log("jobs").error({ err: error, workerId }, "worker round failed");
    }
  }

  // Extra looks asked by wake-ups, soonest first; the regular poll comes after them.
  let wakeChecks: number[] = [];

  function schedule(delayMs: number) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      round = drain().finally(() => {
        round = undefined;
        if (stopped) return;
        const next = wakeChecks.shift();
        schedule(next === undefined ? pollMs : next);
      });
    }, delayMs);
  }

  const unsubscribe = onJobEnqueued(() => {
    if (stopped) return;
    wakeChecks = WAKE_CHECKS_MS.slice(1);
    // During a round, the looks follow it; while sleeping, the first look replaces the sleep.
    if (!round) schedule(WAKE_CHECKS_MS[0]);
    else wakeChecks = [...WAKE_CHECKS_MS];
  });

  schedule(0);
  return async () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    await round;
  };
}
