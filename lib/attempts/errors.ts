/**
 * Another attempt holds the debt: it is being processed ("in_progress"), or it has just paid it
 * ("settled"). Each use case turns this into its own message.
 */
export class DebtHeldError extends Error {
  constructor(
    readonly code: "in_progress" | "settled",
    readonly holderId?: string,
  ) {
    super(code);
    this.name = "DebtHeldError";
  }
}

/**
 * Thrown by a debt's `succeed` when, under its lock, the success can no longer pay it (paid
 * meanwhile by another way): the transaction rolls back and the money is refunded instead.
 */
export class SettlesNothing extends Error {
  constructor(readonly attemptId: string) {
    super(`attempt ${attemptId} settles nothing`);
    this.name = "SettlesNothing";
  }
}

export function isUniqueViolation(error: unknown, field?: string): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== "P2002") return false;
  if (!field) return true;
  const fields = e.meta?.driverAdapterError?.cause?.constraint?.fields ?? (Array.isArray(e.meta?.target) ? (e.meta?.target as string[]) : []);
  return fields.length === 0 || fields.some((f) => f.replaceAll('"', "") === field);
}
