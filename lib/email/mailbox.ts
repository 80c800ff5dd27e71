import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import type { MailboxEntry } from "./types";

const entryFields = { id: true, emailId: true, to: true, subject: true, html: true, text: true, receivedAt: true } as const;

/** The local mailbox (no RESEND_API_KEY), newest first: for developers and end-to-end tests. */
export async function listMailbox(options: { to?: string; limit?: number } = {}): Promise<MailboxEntry[]> {
  return db.mailboxMessage.findMany({
    where: options.to ? { to: { equals: options.to, mode: "insensitive" } } : undefined,
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 50, 1), 500),
    select: entryFields,
  });
}

export async function getMailboxMessage(id: string): Promise<MailboxEntry | null> {
  if (!isUuid(id)) return null;
  return db.mailboxMessage.findUnique({ where: { id }, select: entryFields });
}

export type MailboxAttachment = { id: string; filename: string; contentType: string; size: number };

/** The files delivered with a local mailbox message (stored with its outbox row). */
export async function listMailboxAttachments(emailId: string): Promise<MailboxAttachment[]> {
  if (!isUuid(emailId)) return [];
  // The size is computed by the database: the list never loads the files themselves.
  return db.$queryRaw<MailboxAttachment[]>`
    SELECT "id"::text AS "id", "filename", "contentType", octet_length("content")::int AS "size"
    FROM "EmailAttachment" WHERE "emailId" = ${emailId}::uuid ORDER BY "filename", "id"`;
}

/** One attachment, only once its e-mail has landed in the local mailbox (not while queued). */
export async function getMailboxAttachment(id: string): Promise<{ filename: string; contentType: string; content: Uint8Array } | null> {
  if (!isUuid(id)) return null;
  const attachment = await db.emailAttachment.findUnique({ where: { id }, select: { emailId: true, filename: true, contentType: true, content: true } });
  if (!attachment) return null;
  const delivered = await db.mailboxMessage.count({ where: { emailId: attachment.emailId } });
  return delivered > 0 ? attachment : null;
}
