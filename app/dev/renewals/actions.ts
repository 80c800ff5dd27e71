"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { devToolsEnabled } from "@/lib/demo/dev-tools";
import { RenewalRunError, runRenewalsAsOf } from "@/lib/renewals/as-of";
import type { RenewalRunSummary } from "@/lib/renewals/engine";
import { formValue } from "@/lib/security/form-input";
import { log } from "@/lib/ops/log";

const runRenewalsInput = z.object({
  date: z.iso.date(),
  customerCode: z.string().trim().max(40).transform((v) => v || undefined),
});

export type RunRenewalsState =
  | { ok: true; at: string; summary: RenewalRunSummary }
  | { ok: false; error: "invalidDate" | "unknownCustomer" | "failedRun" }
  | null;

/** Esegui il motore dei rinnovi: the engine "as of" the chosen day (development tools only). */
export async function runRenewalsAction(_previous: RunRenewalsState, formData: FormData): Promise<RunRenewalsState> {
  if (!devToolsEnabled()) notFound();
  const parsed = runRenewalsInput.safeParse({ date: formValue(formData, "date") ?? "", customerCode: formValue(formData, "customerCode") ?? "" });
  if (!parsed.success) return { ok: false, error: "invalidDate" };
  try {
    const { at, summary } = await runRenewalsAsOf(parsed.data);
    return { ok: true, at: at.toISOString(), summary };
  } catch (error) {
    if (error instanceof RenewalRunError) return { ok: false, error: "unknownCustomer" };
    log("renewals").error({ err: error }, "dev run failed");
    return { ok: false, error: "failedRun" };
  }
}
