"use server";

import { getLocale } from "next-intl/server";
import { requestClient } from "@/lib/security/client";
import { getViewer } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/config";
import { SupportError } from "@/lib/support/errors";
import { supportRequestInput } from "@/lib/support/schemas";
import { submitSupportRequest } from "@/lib/support/submit";
import { log } from "@/lib/ops/log";

export type SubmitSupportResult =
  | { ok: true; confirmationUrl: string }
  | { ok: false; error: "invalid" | "rate_limited" | "unavailable"; retryAfterSeconds?: number };

/** "Invia richiesta": records the request; the form then opens its confirmation page. */
export async function submitSupportRequestAction(values: unknown): Promise<SubmitSupportResult> {
  const parsed = supportRequestInput.safeParse(values);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const [viewer, client, locale] = await Promise.all([getViewer(), requestClient(), getLocale()]);
  let id: string;
  try {
    const request = await submitSupportRequest({
      input: values,
      viewer,
      ...client,
      locale: isLocale(locale) ? locale : undefined,
    });
    id = request.id;
  } catch (error) {
    if (error instanceof SupportError) {
      return error.code === "rate_limited" ? { ok: false, error: "rate_limited", retryAfterSeconds: error.retryAfterSeconds } : { ok: false, error: "invalid" };
    }
    log("support").error({ err: error }, "support request failed");
    return { ok: false, error: "unavailable" };
  }
  // The random id, not the number, so that numbers can't be guessed into someone else's request.
  return { ok: true, confirmationUrl: `/assistenza/richiesta/inviata/${id}` };
}
