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
