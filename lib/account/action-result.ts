import "server-only";
import { log } from "@/lib/ops/log";
import { AccountError, type AccountErrorCode } from "./errors";

/** What an account action answers the form: only expected refusals reach the browser, in words. */
export type AccountActionResult<T = void> = { ok: true; data: T } | { ok: false; error: AccountErrorCode | "unavailable"; retryAfterSeconds?: number };

export async function accountAction<T>(what: string, run: () => Promise<T>): Promise<AccountActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AccountError) return { ok: false, error: error.code, retryAfterSeconds: error.retryAfterSeconds };
    log("account").error({ err: error, action: what }, "account action failed");
    return { ok: false, error: "unavailable" };
  }
}
