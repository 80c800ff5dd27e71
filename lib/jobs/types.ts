/**
 * Every job type and the payload it carries. A new kind of background work adds one line here
 * and one handler in `handlers.ts` (the compiler then insists on both).
 * Tests add their own types by augmenting this interface.
 */
export interface JobPayloads {
  "email.send": { emailId: string };
  /** Recurring, every 30 seconds: the janitor of every attempt at the bank (lib/attempts/reconcile.ts): left open, closed without an answer, refunds owed. */
  "payments.reconcile": { slot: string };
  /** Daily at RENEWALS_DAILY_AT (Europe/Rome): the renewal engine's run of that day (lib/renewals/job.ts). */
  "renewals.run": { day: string };
  /** One service's renewal order and charge stage, fanned out by "renewals.run". */
  "renewals.service": { serviceId: string; day: string };
  /** Makes a quietanza's PDF once and e-mails it to `to` (lib/receipts). */
  "receipts.send": { receiptId: string; to: string };
  /** Lista Pagamenti: e-mails the payments of a period (Italian days) to the customer's registered address (lib/payments-list). */
  "payments-list.send": { customerId: string; from: string; to: string };
  /** Recurring, hourly: deletes jobs finished more than 14 days ago (lib/jobs/prune.ts). */
  "jobs.prune": { slot: string };
}

export type JobType = keyof JobPayloads;

export type JobContext = {
  jobId: string;
  /** 1 on the first run: attempts are counted when a job is claimed. */
  attempt: number;
  maxAttempts: number;
  workerId: string;
  now: Date;
};

/** Throwing makes the job retry with backoff; returning marks it done. */
export type JobHandler<T extends JobType> = (payload: JobPayloads[T], ctx: JobContext) => Promise<void>;

/** Every job of one type claimed in a round; answers each job's error (thrown to retry it) or null, in order. */
export type JobBatchHandler<T extends JobType> = (items: { payload: JobPayloads[T]; ctx: JobContext }[]) => Promise<(unknown | null)[]>;

export type EnqueueJobInput<T extends JobType> = {
  type: T;
  payload: JobPayloads[T];
  /** When the job becomes due; default now (the application clock). */
  runAt?: Date;
  /** A second job with the same key is silently not enqueued, even after the first is done. */
  uniqueKey?: string;
  maxAttempts?: number;
};
