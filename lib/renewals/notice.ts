import "server-only";
import type { Tx } from "@/lib/db";
import { queueEmail, type EmailTemplateName, type QueueEmailInput } from "@/lib/email";

/** Absolute links for e-mails: APP_URL, else NEXTAUTH_URL, else the local default. */
export function areaUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.APP_URL?.trim() || env.NEXTAUTH_URL?.trim() || "http://127.0.0.1:3000";
  return new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
}

/**
 * Sends a notice e-mail once: the `Notice` row (unique `key`) and the e-mail are written in the
 * caller's transaction, so a second run, or a second worker, inserts nothing and sends nothing.
 */
export async function sendNoticeOnce<N extends EmailTemplateName>(tx: Tx, notice: { customerId: string; key: string; kind: string }, email: QueueEmailInput<N>): Promise<boolean> {
  const inserted = await tx.notice.createMany({ data: [notice], skipDuplicates: true });
  if (inserted.count === 0) return false;
  await queueEmail(tx, email);
  return true;
}
