import type { Tx } from "@/lib/db";
import type { AttemptPurpose, PaymentStatus } from "@/lib/db/generated/enums";
import type { PaymentOutcome } from "@/lib/gateway/types";

export type SuccessOutcome = Extract<PaymentOutcome, { status: "succeeded" }>;

/** What every debt is told of the attempt it is asked about. */
export type AttemptFacts = {
  id: string;
  purpose: AttemptPurpose;
  status: PaymentStatus;
  amountCents: number;
  offSession: boolean;
  ip: string | null;
  userAgent: string | null;
};

/** Where an attempt's lifecycle is written in the audit log: the debt's entity and its action names. */
export type AuditSubject = { actor: string; entity: string; entityId: string; prefix: string; data?: Record<string, string | number | boolean> };

export type RefundDone = { refundId: string; refundedCents: number; reason: RefundReason };

/**
 * Why money goes back: a success the debt could not take (paid meanwhile, a second success, a
 * late answer for an attempt already closed), an amount the bank captured that is not the one
 * asked, or Amministrazione's decision (Paga fattura, a payment in the wrong regime).
 */
export type RefundReason = "settles_nothing" | "late_success" | "amount_mismatch" | "staff";

/**
 * What differs between an order, an invoice and a card check: plugged into the one lifecycle of
 * lib/attempts, which does everything else (storing the attempt before the bank call, one attempt
 * in flight and one success per debt, 3-D Secure, returns and notifications, reconciliation,
 * refunds of what settles nothing).
 */
export interface Debt {
  /** Row locks on what the attempt pays, taken first by every transaction that settles it. */
  lock(tx: Tx, attemptId: string): Promise<void>;
  /**
   * Under the lock: the key of the debt this success pays (unique among successes: a second one
   * can never be recorded), or null when it can no longer pay it (paid meanwhile, balance moved).
   */
  settlesKey(tx: Tx, attempt: AttemptFacts): Promise<string | null>;
  /** Under the lock, the attempt now SUCCEEDED: what the success does. Throws SettlesNothing to undo it all. */
  succeed(tx: Tx, attempt: AttemptFacts, outcome: SuccessOutcome): Promise<void>;
  /** Who and what the audit log names for this attempt. */
  subject(tx: Tx, attempt: AttemptFacts): Promise<AuditSubject>;
  /** After an owed refund went through, in the transaction that records it. */
  refunded?(tx: Tx, attempt: AttemptFacts, refund: RefundDone): Promise<void>;
}
