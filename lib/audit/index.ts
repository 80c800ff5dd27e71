import "server-only";
import type { Prisma, Tx } from "@/lib/db";

export type AuditEntry = {
  actor: string;
  action: string;
  entity: string;
  entityId?: string;
  data?: Prisma.InputJsonValue;
  ip?: string;
  userAgent?: string;
};

/** Appends to the audit log inside the caller's transaction, so the log and the change agree. */
export async function writeAudit(tx: Tx, entry: AuditEntry) {
  await tx.auditLog.create({ data: entry });
}

/** Several entries at once (a batch of renewals), in the caller's transaction. */
export async function writeAudits(tx: Tx, entries: AuditEntry[]) {
  if (entries.length) await tx.auditLog.createMany({ data: entries });
}

export const actorOf = {
  customer: (id: string) => `customer:${id}`,
  staff: (id: string) => `staff:${id}`,
  system: "system",
  anonymous: "anonymous",
} as const;
