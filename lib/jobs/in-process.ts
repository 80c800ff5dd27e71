import "server-only";
import { isEmbedded } from "@/lib/db/config";
import { registerDefaultJobHandlers, scheduleRecurringJobs } from "./handlers";
import { startWorker, type StopWorker } from "./worker";
import { log } from "@/lib/ops/log";

/**
 * With the embedded database the Next server is the only process that may open it, so it runs the
 * jobs itself. With PostgreSQL, separate workers (`npm run worker`) do, unless WORKER_IN_PROCESS=1.
 * WORKER_IN_PROCESS=0 never starts one here.
 */
export function workerRunsInProcess(env: NodeJS.ProcessEnv = process.env) {
  if (env.WORKER_IN_PROCESS === "0") return false;
  return env.WORKER_IN_PROCESS === "1" || isEmbedded(env);
}

// Once per process: Next may evaluate this module in more than one bundle.
const holder = ((globalThis as { __areaWorker?: { stop?: StopWorker } }).__areaWorker ??= {});

export function startInProcessWorker() {
  if (holder.stop || !workerRunsInProcess()) return;
  registerDefaultJobHandlers();
  scheduleRecurringJobs().catch((error) => log("jobs").error({ err: error }, "could not schedule recurring jobs"));
  holder.stop = startWorker({ pollMs: Number(process.env.WORKER_POLL_MS) || 1000 });
}
