/**
 * Standalone job worker, for PostgreSQL deployments: `npm run worker` (one or more processes next
 * to `next start` with WORKER_IN_PROCESS=0). With the embedded database the jobs run inside the
 * Next server instead: only one process may open a PGlite directory.
 *
 * WORKER_POLL_MS: pause between polls when idle (default 1000).
 */
import "./server-only-hook";

// The same refusals as the server's (lib/ops/start-checks.ts): no production worker on the sandbox bank.
(await import("../lib/ops/start-guard")).refuseToStartIfMisconfigured();
const { isEmbedded } = await import("../lib/db/config");
const logger = (await import("../lib/ops/log")).log("worker");
if (isEmbedded()) {
  logger.fatal("DATABASE_URL is not a postgres:// URL; with the embedded database jobs run inside the Next server.");
  process.exit(1);
}

const { disconnectDb } = await import("../lib/db");
const { registerDefaultJobHandlers, scheduleRecurringJobs } = await import("../lib/jobs/handlers");
const { startWorker } = await import("../lib/jobs/worker");

registerDefaultJobHandlers();
await scheduleRecurringJobs();
const pollMs = Number(process.env.WORKER_POLL_MS) || 1000;
const stop = startWorker({ pollMs });
logger.info({ pollMs }, "worker polling");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    logger.warn({ signal }, "signal again, exiting now");
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, "finishing the jobs in hand");
  await stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
