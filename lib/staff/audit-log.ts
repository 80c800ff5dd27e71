import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { AuditFilter } from "./schemas";

export const AUDIT_PAGE_SIZE = 25;

/**
 * Registro attività: the audit log, newest first, filtered by entity, action (prefix, so that
 * "invoice." finds every settlement) or entity id. Staff actors are shown by name.
 */
export async function listAuditLog(filter: AuditFilter) {
  const where: Prisma.AuditLogWhereInput = {
    ...(filter.entita ? { entity: filter.entita } : {}),
    ...(filter.azione ? { action: { startsWith: filter.azione } } : {}),
    ...(filter.id ? { entityId: filter.id } : {}),
  };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filter.pagina - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actor: true, action: true, entity: true, entityId: true, data: true, ip: true },
    }),
  ]);
  const staffIds = [...new Set(rows.map((r) => r.actor).filter((a) => a.startsWith("staff:")).map((a) => a.slice("staff:".length)))];
  const staff = staffIds.length ? await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, username: true } }) : [];
  const names = new Map(staff.map((s) => [`staff:${s.id}`, s.username]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, actorName: names.get(r.actor) ?? null, data: r.data === null ? null : JSON.stringify(r.data) })),
  };
}

/** The entity names in the log, for the filter's drop-down. */
export async function auditEntities(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["entity"], select: { entity: true }, orderBy: { entity: "asc" } });
  return rows.map((r) => r.entity);
}
