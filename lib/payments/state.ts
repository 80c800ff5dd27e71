import type { PaymentStatus } from "@/lib/db/generated/enums";

/**
 * The life of one payment attempt. The database applies these moves with conditional updates
 * (`where: { status: { in: from } }`), so two settlers racing can't both win.
 */
export const paymentTransitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  CREATED: ["SENT", "FAILED"],
  SENT: ["REQUIRES_ACTION", "SUCCEEDED", "FAILED"],
  REQUIRES_ACTION: ["SUCCEEDED", "FAILED"],
  SUCCEEDED: [],
  FAILED: [],
};

export const openPaymentStatuses = ["CREATED", "SENT", "REQUIRES_ACTION"] as const satisfies readonly PaymentStatus[];

/**
 * Left alone this long, an open attempt (order or invoice) is asked about at the bank by the
 * reconciliation (lib/payments/reconcile.ts).
 */
export const RECONCILE_STALE_MS = 20_000;

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentTransitions[from].includes(to);
}

/** The statuses from which `to` may be reached: the `where` of the conditional update. */
export function paymentStatusesBefore(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(paymentTransitions) as PaymentStatus[]).filter((from) => canMovePayment(from, to));
}
