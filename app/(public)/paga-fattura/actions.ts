"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requestClient } from "@/lib/security/client";
import { InvoicePaymentError } from "@/lib/invoice-payments/errors";
import { prepareInvoicePayment } from "@/lib/invoice-payments/lookup";
import { invoicePaymentResultPath, invoicePaymentSummaryPath } from "@/lib/invoice-payments/paths";
import { payInvoiceInput } from "@/lib/invoice-payments/schemas";
import { startInvoicePayment } from "@/lib/invoice-payments/start";
import { formEntries } from "@/lib/security/form-input";
import { log } from "@/lib/ops/log";

export type LookupInvoiceResult =
  | { ok: true; summaryUrl: string }
  | { ok: false; error: "invalid" | "no_match" | "already_paid" | "refund_pending" | "rate_limited" | "unavailable"; retryAfterSeconds?: number };

/** Step one's "Prosegui": the data must match an invoice to pay; then the summary. */
export async function lookupInvoiceAction(values: unknown): Promise<LookupInvoiceResult> {
  if (!payInvoiceInput.safeParse(values).success) return { ok: false, error: "invalid" };
  try {
    const { invoicePaymentId } = await prepareInvoicePayment({ input: values, ...(await requestClient()) });
    return { ok: true, summaryUrl: invoicePaymentSummaryPath(invoicePaymentId) };
  } catch (error) {
    if (error instanceof InvoicePaymentError) {
      if (error.code === "rate_limited") return { ok: false, error: "rate_limited", retryAfterSeconds: error.details.retryAfterSeconds };
      if (error.code === "no_match" || error.code === "already_paid" || error.code === "refund_pending") return { ok: false, error: error.code };
      return { ok: false, error: "invalid" };
    }
    log("invoice-payments").error({ err: error }, "lookup failed");
    return { ok: false, error: "unavailable" };
  }
}

const payInput = z.object({ invoicePaymentId: z.uuid() });

/** "Paga con carta" on the summary: to the bank's page, or to the outcome when there is nothing to pay there. */
export async function payInvoiceAction(formData: FormData) {
  const parsed = payInput.safeParse(formEntries(formData));
  if (!parsed.success) notFound();
  const { invoicePaymentId } = parsed.data;
  let target: string;
  try {
    const result = await startInvoicePayment({ invoicePaymentId, ...(await requestClient()) });
    target = result.redirectUrl ?? invoicePaymentResultPath(invoicePaymentId);
  } catch (error) {
    if (!(error instanceof InvoicePaymentError)) throw error;
    if (error.code === "not_found") notFound();
    // Another attempt holds the invoice, or it was just paid through it: the summary says so.
    target = `${invoicePaymentSummaryPath(invoicePaymentId)}?errore=${error.code === "already_paid" ? "already_paid" : "in_progress"}`;
  }
  redirect(target);
}
