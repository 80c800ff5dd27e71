export { enqueueJob, type EnqueuedJob } from "./enqueue";
export { registerJobBatchHandler, registerJobHandler } from "./registry";
export { runDueJobs, retryDelayMs, DEFAULT_LOCK_TIMEOUT_MS, type RunDueJobsOptions, type RunDueJobsResult } from "./run";
export type { EnqueueJobInput, JobBatchHandler, JobContext, JobHandler, JobPayloads, JobType } from "./types";
