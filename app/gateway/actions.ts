"use server";

import { notFound, redirect, RedirectType } from "next/navigation";
import { isUuid } from "@/lib/db/ids";
import { formValue } from "@/lib/security/form-input";
import { cardDetailsInput, otpInput, type CardDetailsForm } from "@/lib/gateway/sandbox/card-input";
import { abandonChallenge, abandonSession, answerChallenge, sendCardDetails } from "@/lib/gateway/sandbox/hosted";
import { editCardDetails, enterCardDetails } from "@/lib/gateway/sandbox/sessions";

/**
 * The bank's hosted pages. The ids are bound on the server (`action.bind(null, id)`) and checked
 * again by the use cases; each action ends by sending the browser where the bank says. Nothing
 * here logs or returns what the customer typed: the card number exists only in the request body.
 */

export type CardFormResult = { ok: false; fieldErrors: Partial<Record<keyof CardDetailsForm, string>> };

const payPage = (sessionId: string) => `/gateway/pay/${encodeURIComponent(sessionId)}`;

/** The bound id comes back from the browser: anything but a UUID is a page that doesn't exist. */
function checkId(id: unknown): string {
  if (typeof id !== "string" || !isUuid(id)) notFound();
  return id;
}

/** "Procedi": checks the card form; on success the page shows the masked summary. */
export async function enterCard(sessionId: string, values: unknown): Promise<CardFormResult> {
  checkId(sessionId);
  const parsed = cardDetailsInput.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: CardFormResult["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof CardDetailsForm | undefined;
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { ok: false, fieldErrors };
  }
  // Not open any more (expired, cancelled, sent from another tab): the page says what it is now.
  await enterCardDetails(sessionId, parsed.data);
  redirect(payPage(sessionId), RedirectType.replace);
}

/** "Modifica i dati" on the summary. */
export async function editCard(sessionId: string) {
  checkId(sessionId);
  await editCardDetails(sessionId);
  redirect(payPage(sessionId), RedirectType.replace);
}

/** "Invio dati": the bank decides; the challenge page or back to the merchant. */
export async function sendCard(sessionId: string) {
  checkId(sessionId);
  redirect(await sendCardDetails(sessionId), RedirectType.replace);
}

/** "Annulla" on the card form or the summary. */
export async function abandonPayment(sessionId: string) {
  checkId(sessionId);
  redirect(await abandonSession(sessionId), RedirectType.replace);
}

export type OtpFormState = { error: string | null };

/** "Conferma" on the 3-D Secure page. A malformed code is a typing error and costs no attempt. */
export async function confirmOtp(chargeId: string, _previous: OtpFormState, formData: FormData): Promise<OtpFormState> {
  checkId(chargeId);
  const parsed = otpInput.safeParse({ otp: String(formValue(formData, "otp") ?? "") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Codice non valido." };
  redirect(await answerChallenge(chargeId, parsed.data.otp), RedirectType.replace);
}

/** "Annulla" on the 3-D Secure page. */
export async function cancelChallenge(chargeId: string) {
  checkId(chargeId);
  redirect(await abandonChallenge(chargeId), RedirectType.replace);
}
