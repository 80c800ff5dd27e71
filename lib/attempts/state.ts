import type { PaymentStatus } from "@/lib/db/generated/enums";

/**
 * The life of every attempt at the bank, whatever it pays. The database applies these moves with
 * conditional updates (`where: { status: { in: from } }`), so two settlers racing can't both win.
 */
export const attemptTransitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  CREATED: ["SENT", "FAILED"],
  SENT: ["REQUIRES_ACTION", "SUCCEEDED", "FAILED"],
  REQUIRES_ACTION: ["SUCCEEDED", "FAILED"],
  SUCCEEDED: [],
  FAILED: [],
};

export const openStatuses = ["CREATED", "SENT", "REQUIRES_ACTION"] as const satisfies readonly PaymentStatus[];

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return attemptTransitions[from].includes(to);
}

/** The statuses from which `to` may be reached: the `where` of the conditional update. */
export function statusesBefore(to: PaymentStatus): PaymentStatus[] {
  return (Object.keys(attemptTransitions) as PaymentStatus[]).filter((from) => canMove(from, to));
}

/** What a page or a caller needs to know of an attempt: final, or still open (and where the payer goes). */
export type AttemptView = { status: "SUCCEEDED" | "FAILED" | "OPEN"; redirectUrl?: string };

export function viewOf(status: PaymentStatus): AttemptView {
  return { status: status === "SUCCEEDED" || status === "FAILED" ? status : "OPEN" };
}

/** An attempt created or sent this recently may still be on its way to the bank: leave it be. */
export const IN_FLIGHT_GRACE_MS = 60_000;
/** Left alone this long, an open attempt is asked about at the bank by the reconciliation. */
export const RECONCILE_STALE_MS = 20_000;
/** The bank's hosted page lasts 15 minutes: past 20, an attempt still waiting is ended there. */
export const ABANDONED_MS = 20 * 60_000;
/** A Paga fattura summary never paid ("Paga con carta" not pressed) closes after this long. */
export const PREPARED_TTL_MS = 30 * 60_000;

/** Owed refunds are tried again after 1, 2, 4 … minutes, at most every 6 hours, for ever. */
export function refundRetryDelayMs(tries: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, tries - 1), 6 * 60 * 60_000);
}
