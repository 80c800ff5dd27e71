"use server";

import { requestClient } from "@/lib/security/client";
import { getViewer } from "@/lib/auth/session";
import { PaymentsListError } from "@/lib/payments-list/errors";
import { paymentsListInput } from "@/lib/payments-list/schemas";
import { requestPaymentsList } from "@/lib/payments-list/request";
import { log } from "@/lib/ops/log";

export type RequestPaymentsListResult =
  | { ok: true }
  | { ok: false; error: "invalid" | "rate_limited" | "unavailable"; retryAfterSeconds?: number };

/** "Richiedi la lista": the same `ok` whether or not the data match a customer. */
export async function requestPaymentsListAction(values: unknown): Promise<RequestPaymentsListResult> {
  if (!paymentsListInput.safeParse(values).success) return { ok: false, error: "invalid" };
  const [viewer, client] = await Promise.all([getViewer(), requestClient()]);
  try {
    await requestPaymentsList({ input: values, viewer, ...client });
    return { ok: true };
  } catch (error) {
    if (error instanceof PaymentsListError) {
      return error.code === "rate_limited" ? { ok: false, error: "rate_limited", retryAfterSeconds: error.retryAfterSeconds } : { ok: false, error: "invalid" };
    }
    log("payments-list").error({ err: error }, "payments list request failed");
    return { ok: false, error: "unavailable" };
  }
}
