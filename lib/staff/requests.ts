import "server-only";
import type { Staff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { SupportRequestStatus } from "@/lib/db/generated/enums";
import { uuidInput } from "./schemas";

export const REQUESTS_PAGE_SIZE = 20;

/** Richieste: the requests of the staff member's own category, newest first, one page. */
export async function listRequestsForStaff(opts: { staff: Staff; status?: SupportRequestStatus; page: number }) {
  const where = { category: opts.staff.role, ...(opts.status ? { status: opts.status } : {}) };
  const [total, rows] = await Promise.all([
    db.supportRequest.count({ where }),
    db.supportRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      skip: (opts.page - 1) * REQUESTS_PAGE_SIZE,
      take: REQUESTS_PAGE_SIZE,
      select: { id: true, number: true, reason: true, name: true, email: true, status: true, createdAt: true, _count: { select: { replies: true } } },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / REQUESTS_PAGE_SIZE)), rows };
}

/** One request with its sender and replies; another category's (or a malformed id) is null. */
export async function getRequestForStaff(opts: { staff: Staff; id: string }) {
  if (!uuidInput.safeParse(opts.id).success) return null;
  return db.supportRequest.findFirst({
    where: { id: opts.id, category: opts.staff.role },
    select: {
      id: true, number: true, category: true, reason: true, status: true, name: true, email: true, customerCode: true, invoiceNumber: true,
      message: true, createdAt: true, updatedAt: true,
      customer: { select: { customerCode: true, displayName: true, username: true } },
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, message: true, createdAt: true, staff: { select: { displayName: true, username: true } } } },
    },
  });
}
