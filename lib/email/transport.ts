import "server-only";
import { Resend } from "resend";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { providerIdentity } from "@/lib/provider";
import type { OutgoingEmail } from "./types";

export type DeliveryResult = { providerMessageId: string | null };
/** Marks the outbox row sent; the local transport runs it in the transaction that delivers. */
export type RecordDelivery = (tx: Tx, result: DeliveryResult) => Promise<void>;

/**
 * Where e-mails go. `send` must be safe to call twice for one `emailId` (a job may run again after
 * a crash): it throws when the mail was not accepted, and the job retries later.
 */
export interface EmailTransport {
  readonly name: string;
  send(mail: OutgoingEmail, recordDelivery: RecordDelivery): Promise<void>;
}

export class EmailProviderError extends Error {
  override name = "EmailProviderError";
}

/** Development and tests: the e-mail lands in the MailboxMessage table. */
export const localTransport: EmailTransport = {
  name: "local",
  async send(mail, recordDelivery) {
    await db.$transaction(async (tx) => {
      // emailId is unique: delivering the same e-mail again inserts nothing.
      await tx.mailboxMessage.createMany({
        data: [{ emailId: mail.emailId, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, receivedAt: now() }],
        skipDuplicates: true,
      });
      await recordDelivery(tx, { providerMessageId: null });
    });
  },
};

/** How long one call to Resend may take (an attachment included) before it counts as failed. */
export const RESEND_TIMEOUT_MS = 15_000;

export function resendTransport(apiKey: string): EmailTransport {
  const resend = new Resend(apiKey);
  return {
    name: "resend",
    async send(mail, recordDelivery) {
      const { data, error } = await resend.emails.send(
        {
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            content: a.contentBase64,
            contentType: a.contentType,
          })),
        },
        // Resend keeps the key for 24 hours: a retry after a lost response is not sent twice.
        // Without a deadline an answer that never comes holds the worker for minutes (undici's
        // 5-minute header timeout): give up and let the job retry with the same key.
        { idempotencyKey: `email/${mail.emailId}`, signal: AbortSignal.timeout(RESEND_TIMEOUT_MS) },
      );
      if (error) throw new EmailProviderError(`Resend ${error.name} (${error.statusCode ?? "no status"}): ${error.message}`);
      await recordDelivery(db, { providerMessageId: data.id });
    },
  };
}

/** Resend when RESEND_API_KEY is set, otherwise the local mailbox. */
export function defaultEmailTransport(env: Record<string, string | undefined> = process.env): EmailTransport {
  const apiKey = env.RESEND_API_KEY?.trim();
  return apiKey ? resendTransport(apiKey) : localTransport;
}

export function emailFrom(env: Record<string, string | undefined> = process.env) {
  return env.EMAIL_FROM?.trim() || `${providerIdentity(env).name.replace(/[<>"]/g, "")} <noreply@area-clienti.test>`;
}
