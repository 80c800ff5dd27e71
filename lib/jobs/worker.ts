import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { runDueJobs } from "./run";

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
  const { pollMs = 1000, limit = 10, lockTimeoutMs } = options;
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
      console.error(`[jobs] worker ${workerId}: round failed`, error);
    }
  }

  function schedule(delayMs: number) {
    timer = setTimeout(() => {
      round = drain().finally(() => {
        round = undefined;
        if (!stopped) schedule(pollMs);
      });
    }, delayMs);
  }

  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await round;
  };
}
