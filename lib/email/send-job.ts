import "server-only";
import { db, type Prisma } from "@/lib/db";
import { now } from "@/lib/clock";
import type { JobHandler } from "@/lib/jobs";
import { isEmailTemplateName, propsWithoutSecrets } from "./catalog";
import { renderEmail } from "./render";
import { defaultEmailTransport, emailFrom, type EmailTransport } from "./transport";
import { log } from "@/lib/ops/log";

/**
 * The `email.send` job: renders one outbox row and hands it to the transport. An e-mail already
 * SENT is never sent again; any failure throws, and the job retries with backoff. Once the e-mail
 * is sent or given up (FAILED), its template's secret props (single-use links, declared in the
 * catalog) are replaced in the outbox by a placeholder, in the same update.
 */
export function createEmailSendHandler(options: { transport?: EmailTransport } = {}): JobHandler<"email.send"> {
  const transport = options.transport ?? defaultEmailTransport();

  return async ({ emailId }, ctx) => {
    const email = await db.email.findUnique({ where: { id: emailId } });
    if (!email) {
      log("email").warn({ emailId }, "outbox row not found, nothing to send");
      return;
    }
    if (email.status === "SENT") return;
    const redacted = propsWithoutSecrets(email.template, email.props) as Prisma.InputJsonObject | null;

    try {
      if (!isEmailTemplateName(email.template)) throw new Error(`Unknown e-mail template "${email.template}"`);
      const rendered = await renderEmail(email.template, email.props, email.locale);
      // Files stored with the outbox row (a quietanza, a payment list) travel with the template's own.
      const stored = await db.emailAttachment.findMany({ where: { emailId }, orderBy: { filename: "asc" }, select: { filename: true, contentType: true, content: true } });
      const attachments = [...rendered.attachments, ...stored.map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: Buffer.from(a.content).toString("base64") }))];
      const mail = { emailId, from: emailFrom(), to: email.to, ...rendered, attachments };
      await transport.send(mail, async (tx, { providerMessageId }) => {
        await tx.email.updateMany({
          where: { id: emailId, status: { not: "SENT" } },
          data: { status: "SENT", sentAt: now(), subject: mail.subject, providerMessageId, ...(redacted ? { props: redacted } : {}) },
        });
      });
    } catch (error) {
      if (ctx.attempt >= ctx.maxAttempts) {
        await db.email.updateMany({ where: { id: emailId, status: "QUEUED" }, data: { status: "FAILED", ...(redacted ? { props: redacted } : {}) } });
      }
      throw error;
    }
  };
}
