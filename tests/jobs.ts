import { runDueJobs } from "@/lib/jobs";

// Job types that exist only in tests.
declare module "@/lib/jobs/types" {
  interface JobPayloads {
    "test.record": { n: number };
    "test.fail": { n: number };
  }
}

/** Runs rounds until nothing is claimed; returns how many jobs this worker claimed in total. */
export async function drainJobs(workerId: string, limit = 10) {
  let total = 0;
  for (;;) {
    const { claimed } = await runDueJobs({ workerId, limit });
    if (claimed === 0) return total;
    total += claimed;
  }
}
