import { assertStartable, StartRefused } from "./start-checks";

/**
 * For the server (instrumentation.ts) and the worker (scripts/worker.ts): prints why the process
 * must not start and exits with 1, before anything listens or claims a job.
 */
export function refuseToStartIfMisconfigured(env: Record<string, string | undefined> = process.env) {
  try {
    assertStartable(env);
  } catch (error) {
    if (!(error instanceof StartRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
