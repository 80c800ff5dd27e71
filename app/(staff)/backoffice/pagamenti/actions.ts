"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { SettlementError, type SettlementErrorCode } from "@/lib/invoice-settlement/errors";
import { refundInvoicePayment } from "@/lib/invoice-settlement/refund";
import { resendReceipt } from "@/lib/invoice-settlement/resend-receipt";
import { openVatBalance } from "@/lib/invoice-settlement/vat-balance";
import { resendReceiptInput, settlementInput, uuidInput } from "@/lib/staff/schemas";
import { formEntries, formValue } from "@/lib/security/form-input";
import { requestClient } from "@/lib/security/client";
import { staffForAction } from "../staff-action";
import { log } from "@/lib/ops/log";

export type ResendResult = { ok: true; receiptNumber: string; to: string } | { ok: false; error: SettlementErrorCode | "unavailable" };

/** "Reinvia quietanza": the form shows the outcome; the page refreshes its count of resends. */
export async function resendReceiptAction(values: unknown): Promise<ResendResult> {
  const parsed = resendReceiptInput.safeParse(values);
  if (!parsed.success) return { ok: false, error: "invalid_input" };
  const staff = await staffForAction();
  try {
    const { receiptNumber } = await resendReceipt({ staff, input: parsed.data, ...(await requestClient()) });
    revalidatePath("/backoffice/pagamenti/[id]", "page");
    return { ok: true, receiptNumber, to: parsed.data.to };
  } catch (error) {
    if (error instanceof SettlementError) return { ok: false, error: error.code };
    log("backoffice").error({ err: error }, "receipt resend failed");
    return { ok: false, error: "unavailable" };
  }
}

/** "Richiedi il pagamento dell'IVA" / "Rimborsa": plain forms, the outcome travels in the URL. */
export async function settlePaymentAction(formData: FormData) {
  const parsed = settlementInput.safeParse(formEntries(formData));
  // The invoice id only says which page to go back to; the use case reads the payment's own.
  const back = uuidInput.safeParse(formValue(formData, "invoiceId"));
  if (!parsed.success || !back.success) redirect("/backoffice/pagamenti");
  const staff = await staffForAction();
  const { invoicePaymentId, kind } = parsed.data;
  const base = `/backoffice/pagamenti/${back.data}`;
  let outcome: string;
  try {
    const input = { invoicePaymentId };
    if (kind === "vat") {
      await openVatBalance({ staff, input, ...(await requestClient()) });
      outcome = "vat";
    } else {
      const r = await refundInvoicePayment({ staff, input, ...(await requestClient()) });
      outcome = r.status;
    }
  } catch (error) {
    if (!(error instanceof SettlementError)) throw error;
    redirect(`${base}?errore=${error.code}`);
  }
  redirect(`${base}?esito=${outcome}`);
}
