import "server-only";
import type { JobHandler, JobType } from "./types";

type AnyHandler = (payload: never, ctx: Parameters<JobHandler<JobType>>[1]) => Promise<void>;

const handlers = new Map<string, AnyHandler>();

/** Registers (or replaces) the handler of one job type in this process. */
export function registerJobHandler<T extends JobType>(type: T, handler: JobHandler<T>) {
  handlers.set(type, handler as AnyHandler);
}

export function getJobHandler<T extends JobType>(type: T): JobHandler<T> | undefined {
  return handlers.get(type) as JobHandler<T> | undefined;
}
