/** Expected outcomes that reach the customer as plain messages (see lib/i18n messages "payErrors"). */
export class PaymentError extends Error {
  constructor(
    readonly code: "order_not_found" | "already_paid" | "not_payable" | "card_not_found" | "ceiling_consent_required" | "in_progress",
    readonly paymentId?: string,
  ) {
    super(code);
    this.name = "PaymentError";
  }
}

export function isUniqueViolation(error: unknown, field?: string): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== "P2002") return false;
  if (!field) return true;
  const fields = e.meta?.driverAdapterError?.cause?.constraint?.fields ?? (Array.isArray(e.meta?.target) ? (e.meta?.target as string[]) : []);
  return fields.length === 0 || fields.some((f) => f.replaceAll('"', "") === field);
}
