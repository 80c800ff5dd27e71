"use server";

import { headers } from "next/headers";
import { requestIp } from "@/lib/auth/options";
import { getViewer } from "@/lib/auth/session";
import { PaymentsListError } from "@/lib/payments-list/errors";
import { paymentsListInput } from "@/lib/payments-list/schemas";
import { requestPaymentsList } from "@/lib/payments-list/request";

export type RequestPaymentsListResult =
  | { ok: true }
  | { ok: false; error: "invalid" | "rate_limited" | "unavailable"; retryAfterSeconds?: number };

/** "Richiedi la lista": the same `ok` whether or not the data match a customer. */
export async function requestPaymentsListAction(values: unknown): Promise<RequestPaymentsListResult> {
  if (!paymentsListInput.safeParse(values).success) return { ok: false, error: "invalid" };
  const [viewer, h] = await Promise.all([getViewer(), headers()]);
  const bag = Object.fromEntries(h);
  try {
    await requestPaymentsList({ input: values, viewer, ip: requestIp(bag), userAgent: bag["user-agent"] || undefined });
    return { ok: true };
  } catch (error) {
    if (error instanceof PaymentsListError) {
      return error.code === "rate_limited" ? { ok: false, error: "rate_limited", retryAfterSeconds: error.retryAfterSeconds } : { ok: false, error: "invalid" };
    }
    console.error("payments list request failed", error);
    return { ok: false, error: "unavailable" };
  }
}
