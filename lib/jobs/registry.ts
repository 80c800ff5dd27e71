import "server-only";
import type { JobBatchHandler, JobHandler, JobType } from "./types";

type AnyHandler = (payload: never, ctx: Parameters<JobHandler<JobType>>[1]) => Promise<void>;
type AnyBatchHandler = (items: { payload: never; ctx: Parameters<JobHandler<JobType>>[1] }[]) => Promise<unknown[]>;

const handlers = new Map<string, AnyHandler>();
const batchHandlers = new Map<string, AnyBatchHandler>();

/** Registers (or replaces) the handler of one job type in this process. */
export function registerJobHandler<T extends JobType>(type: T, handler: JobHandler<T>) {
  batchHandlers.delete(type);
  handlers.set(type, handler as AnyHandler);
}

/**
 * Registers (or replaces) a handler that takes every job of one type claimed in a round at once
 * (e.g. the renewals of 50 services: one read, one lock, one insert instead of 50). It answers,
 * for each job in the order given, its error or null; each job is then finished (or retried) on
 * its own, as with `registerJobHandler`.
 */
export function registerJobBatchHandler<T extends JobType>(type: T, handler: JobBatchHandler<T>) {
  handlers.delete(type);
  batchHandlers.set(type, handler as unknown as AnyBatchHandler);
}

export function getJobHandler<T extends JobType>(type: T): JobHandler<T> | undefined {
  return handlers.get(type) as JobHandler<T> | undefined;
}

export function getJobBatchHandler<T extends JobType>(type: T): JobBatchHandler<T> | undefined {
  return batchHandlers.get(type) as unknown as JobBatchHandler<T> | undefined;
}
