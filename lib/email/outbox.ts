import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma, Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { enqueueJob } from "@/lib/jobs";
import { emailPropsSchemas, type EmailProps, type EmailTemplateName } from "./catalog";
import type { EmailLocale } from "./types";

/** Retries span about nine hours (backoff caps at one hour) before an e-mail is given up. */
export const EMAIL_MAX_ATTEMPTS = 20;

/** A file sent with the e-mail, stored with it in the outbox (EmailAttachment). */
export type QueueEmailAttachment = { filename: string; contentType: string; content: Uint8Array };

export type QueueEmailInput<N extends EmailTemplateName> = {
  to: string;
  template: N;
  props: EmailProps<N>;
  locale: EmailLocale;
  attachments?: readonly QueueEmailAttachment[];
  /**
   * Queues the e-mail at most once per key, ever: the outbox row's id is derived from it, so the
   * primary key refuses a second one. For work that may run again after a crash (a job retried
   * between "e-mail queued" and "job done").
   */
  idempotencyKey?: string;
};

const recipient = z.email();
const attachmentInput = z.object({
  filename: z.string().trim().min(1).max(200).regex(/^[^/\\\r\n"]+$/),
  contentType: z.string().min(3).max(100),
  content: z.instanceof(Uint8Array),
});

/** A stable UUID (version 8, "custom") from a key, so that one key always names one outbox row. */
export function emailIdFor(idempotencyKey: string): string {
  const h = createHash("sha256").update(`email:${idempotencyKey}`).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Puts an e-mail (and its attachments) in the outbox inside the caller's transaction: if the
 * change it reports rolls back, so does the e-mail. A job delivers it after commit, retrying until
 * the provider accepts it. `created: false` when `idempotencyKey` had already queued it.
 */
export async function queueEmail<N extends EmailTemplateName>(tx: Tx, input: QueueEmailInput<N>): Promise<{ emailId: string; created: boolean }> {
  const to = recipient.parse(input.to);
  const props = emailPropsSchemas[input.template].parse(input.props) as Prisma.InputJsonObject;
  const attachments = z.array(attachmentInput).max(10).parse(input.attachments ?? []);
  const data = { to, template: input.template, props, locale: input.locale, createdAt: now() };

  let emailId: string;
  if (input.idempotencyKey === undefined) {
    emailId = (await tx.email.create({ data, select: { id: true } })).id;
  } else {
    emailId = emailIdFor(input.idempotencyKey);
    const inserted = await tx.email.createMany({ data: [{ id: emailId, ...data }], skipDuplicates: true });
    if (inserted.count === 0) return { emailId, created: false };
  }
  if (attachments.length > 0) {
    await tx.emailAttachment.createMany({
      data: attachments.map((a) => ({ emailId, filename: a.filename, contentType: a.contentType, content: new Uint8Array(a.content) })),
    });
  }
  await enqueueJob(tx, {
    type: "email.send",
    payload: { emailId },
    uniqueKey: `email:${emailId}`,
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  });
  return { emailId, created: true };
}
