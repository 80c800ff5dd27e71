"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestStatusInput, supportReplyInput } from "@/lib/staff/schemas";
import { replyToSupportRequest, setSupportRequestStatus, SupportReplyError } from "@/lib/support/replies";
import { formEntries } from "@/lib/security/form-input";
import { requestClient } from "@/lib/security/client";
import { staffForAction } from "../staff-action";
import { log } from "@/lib/ops/log";

export type ReplyResult = { ok: true } | { ok: false; error: SupportReplyError["code"] | "unavailable" };

/** "Invia risposta": the reply form reads the result; the page refreshes with the new reply. */
export async function replyToRequestAction(values: unknown): Promise<ReplyResult> {
  const parsed = supportReplyInput.safeParse(values);
  if (!parsed.success) return { ok: false, error: "invalid_input" };
  const staff = await staffForAction();
  try {
    await replyToSupportRequest({ staff, input: parsed.data, ...(await requestClient()) });
  } catch (error) {
    if (error instanceof SupportReplyError) return { ok: false, error: error.code };
    log("backoffice").error({ err: error }, "reply failed");
    return { ok: false, error: "unavailable" };
  }
  revalidatePath(`/backoffice/richieste/${parsed.data.requestId}`);
  return { ok: true };
}

/** "Chiudi la richiesta" / "Riapri la richiesta": plain forms, the outcome travels in the URL. */
export async function setRequestStatusAction(formData: FormData) {
  const parsed = requestStatusInput.safeParse(formEntries(formData));
  if (!parsed.success) redirect("/backoffice/richieste");
  const staff = await staffForAction();
  const base = `/backoffice/richieste/${parsed.data.requestId}`;
  let outcome: string;
  try {
    const { changed } = await setSupportRequestStatus({ staff, input: parsed.data, ...(await requestClient()) });
    outcome = !changed ? "unchanged" : parsed.data.status === "CLOSED" ? "closed" : "reopened";
  } catch (error) {
    if (!(error instanceof SupportReplyError)) throw error;
    redirect(error.code === "not_found" ? "/backoffice/richieste" : `${base}?errore=${error.code}`);
  }
  redirect(`${base}?esito=${outcome}`);
}
