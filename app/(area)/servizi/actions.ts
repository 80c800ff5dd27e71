"use server";

import { revalidatePath } from "next/cache";
import { requestClient } from "@/lib/security/client";
import { requireViewer } from "@/lib/auth/session";
import { RenewalSwitchError, turnOffRenewal, turnOnRenewal, type RenewalSwitchErrorCode } from "@/lib/services/renewal-switch";
import { switchRenewalInput } from "@/lib/services/schemas";
import { log } from "@/lib/ops/log";

export type SwitchRenewalResult =
  | { ok: true }
  | { ok: false; error: Exclude<RenewalSwitchErrorCode, "ceiling_consent_required"> | "generic" }
  | { ok: false; error: "ceiling_consent_required"; ceiling: { amountCents: number; card: string } };

/** Conferma / Autorizza e procedi in the switch's dialog: turns automatic renewal on or off. */
export async function switchRenewalAction(input: unknown): Promise<SwitchRenewalResult> {
  const parsed = switchRenewalInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "not_found" };
  const { serviceId, on, ceilingConsent } = parsed.data;
  const viewer = await requireViewer();
  const client = await requestClient();
  try {
    if (on) await turnOnRenewal({ viewer, serviceId, ceilingConsent, ...client });
    else await turnOffRenewal({ viewer, serviceId, ...client });
  } catch (error) {
    if (!(error instanceof RenewalSwitchError)) {
      log("renewals").error({ err: error }, "renewal switch failed");
      return { ok: false, error: "generic" };
    }
    if (error.code !== "ceiling_consent_required") return { ok: false, error: error.code };
    return error.ceiling ? { ok: false, error: error.code, ceiling: error.ceiling } : { ok: false, error: "generic" };
  }
  // The home list and the service page both show the switch: one refresh path for both.
  revalidatePath("/");
  revalidatePath(`/servizi/${serviceId}`);
  return { ok: true };
}
