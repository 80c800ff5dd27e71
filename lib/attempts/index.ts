// The one lifecycle of every attempt at the bank (orders, invoices, card checks): see README "Payments".
export { activeKeyOf, createAttempt, createAttempts, holdDebt, refuseIfHeld, type NewAttempt } from "./open";
export { sendAttempt, NOTIFY_PATH, type BankRequest } from "./send";
export { applyOutcome, confirmAttempt, currentView } from "./outcome";
export { settleFailure, settleSuccess, type FailureReason } from "./settle";
export { oweRefund, runOwedRefund, refundKeyFor } from "./refunds";
export { handleBankReturn, receiveGatewayNotification, type NotificationResult } from "./signals";
export { reconcileAttempts, reconcileJob, scheduleReconciliation } from "./reconcile";
export { DebtHeldError, SettlesNothing, isUniqueViolation } from "./errors";
export { IN_FLIGHT_GRACE_MS, RECONCILE_STALE_MS, openStatuses, type AttemptView } from "./state";
export type { AttemptFacts, AuditSubject, Debt, RefundDone, RefundReason, SuccessOutcome } from "./types";
