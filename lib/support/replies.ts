import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Staff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { StaffRole, SupportRequestStatus } from "@/lib/db/generated/enums";
import { queueEmail } from "@/lib/email";
import { requestStatusInput, supportReplyInput } from "@/lib/staff/schemas";
import { redactCardNumbers } from "./redact";

/** Expected refusals of a staff action on a request; the back office shows each in plain words. */
export class SupportReplyError extends Error {
  constructor(readonly code: "invalid_input" | "not_found" | "closed") {
    super(code);
    this.name = "SupportReplyError";
  }
}

/** The same text from the same person within this window is one click sent twice, not two replies. */
const DUPLICATE_WINDOW_MS = 60_000;

type LockedRequest = { id: string; number: string; category: StaffRole; status: SupportRequestStatus; email: string; name: string; message: string; customerId: string | null };

// Everyone who changes a request takes its row lock first, so replies and status moves queue up.
async function lockRequest(tx: Tx, requestId: string, role: StaffRole): Promise<LockedRequest> {
  const rows = await tx.$queryRaw<LockedRequest[]>`
    SELECT "id", "number", "category", "status", "email", "name", "message", "customerId"
    FROM "SupportRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
  const request = rows[0];
  // Another category's request does not exist for this member of staff.
  if (!request || request.category !== role) throw new SupportReplyError("not_found");
  return request;
}

/**
 * "Rispondi": stores the reply, marks the request Risposta inviata and e-mails the reply to the
 * requester through the outbox, in one transaction. A closed request must be reopened first.
 */
export async function replyToSupportRequest(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ replyId: string; duplicate: boolean }> {
  const parsed = supportReplyInput.safeParse(opts.input);
  if (!parsed.success) throw new SupportReplyError("invalid_input");
  const message = redactCardNumbers(parsed.data.message);
  const { staff } = opts;

  return db.$transaction(async (tx) => {
    const request = await lockRequest(tx, parsed.data.requestId, staff.role);
    if (request.status === "CLOSED") throw new SupportReplyError("closed");
    const at = now();
    const same = await tx.supportReply.findFirst({
      where: { requestId: request.id, staffId: staff.staffId, message, createdAt: { gte: new Date(at.getTime() - DUPLICATE_WINDOW_MS) } },
      select: { id: true },
    });
    if (same) return { replyId: same.id, duplicate: true };

    const reply = await tx.supportReply.create({ data: { requestId: request.id, staffId: staff.staffId, message, createdAt: at }, select: { id: true } });
    await tx.supportRequest.update({ where: { id: request.id }, data: { status: "ANSWERED", updatedAt: at } });
    await writeAudit(tx, {
      actor: actorOf.staff(staff.staffId),
      action: "support.replied",
      entity: "SupportRequest",
      entityId: request.id,
      data: { number: request.number, replyId: reply.id, from: request.status },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    const customer = request.customerId ? await tx.customer.findUnique({ where: { id: request.customerId }, select: { locale: true } }) : null;
    await queueEmail(tx, {
      to: request.email,
      template: "support-reply",
      props: { name: request.name, requestNumber: request.number, category: request.category, reply: message, originalMessage: request.message },
      locale: customer?.locale ?? "it",
    });
    return { replyId: reply.id, duplicate: false };
  });
}

/**
 * "Chiudi" (→ CLOSED) and "Riapri" (→ OPEN). A conditional move: a second click, or a colleague
 * doing the same at once, changes and audits nothing.
 */
export async function setSupportRequestStatus(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ changed: boolean }> {
  const parsed = requestStatusInput.safeParse(opts.input);
  if (!parsed.success) throw new SupportReplyError("invalid_input");
  const { requestId, status } = parsed.data;
  const from: SupportRequestStatus[] = status === "CLOSED" ? ["OPEN", "ANSWERED"] : ["CLOSED"];

  return db.$transaction(async (tx) => {
    const request = await lockRequest(tx, requestId, opts.staff.role);
    const moved = await tx.supportRequest.updateMany({ where: { id: request.id, status: { in: from } }, data: { status, updatedAt: now() } });
    if (moved.count === 0) return { changed: false };
    await writeAudit(tx, {
      actor: actorOf.staff(opts.staff.staffId),
      action: status === "CLOSED" ? "support.closed" : "support.reopened",
      entity: "SupportRequest",
      entityId: request.id,
      data: { number: request.number, from: request.status },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    return { changed: true };
  });
}
