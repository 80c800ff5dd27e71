import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { runRenewals, type RenewalRunSummary } from "./engine";
import { fromRomeWall, romeWall } from "./schedule";

export class RenewalRunError extends Error {
  constructor(readonly code: "unknown_customer") {
    super(code);
    this.name = "RenewalRunError";
  }
}

/**
 * QA's "as of" run (development tools only): the engine as if it were `date` (YYYY-MM-DD, an
 * Italian calendar day) at the current Italian time of day, for every customer or only one.
 * The application clock is left alone: only the engine's `at` moves.
 */
export async function runRenewalsAsOf(opts: { date: string; customerCode?: string }): Promise<{ at: Date; summary: RenewalRunSummary }> {
  let customerId: string | undefined;
  if (opts.customerCode) {
    const customer = await db.customer.findUnique({ where: { customerCode: opts.customerCode }, select: { id: true } });
    if (!customer) throw new RenewalRunError("unknown_customer");
    customerId = customer.id;
  }
  const [year, month, day] = opts.date.split("-").map(Number);
  const at = fromRomeWall({ ...romeWall(now()), year, month, day });
  return { at, summary: await runRenewals({ at, customerId }) };
}
