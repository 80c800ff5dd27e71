import "server-only";
import { z } from "zod";
import type { Prisma, Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { enqueueJob } from "@/lib/jobs";
import { emailPropsSchemas, type EmailProps, type EmailTemplateName } from "./catalog";
import type { EmailLocale } from "./types";

/** Retries span about nine hours (backoff caps at one hour) before an e-mail is given up. */
export const EMAIL_MAX_ATTEMPTS = 20;

export type QueueEmailInput<N extends EmailTemplateName> = {
  to: string;
  template: N;
  props: EmailProps<N>;
  locale: EmailLocale;
};

const recipient = z.email();

/**
 * Puts an e-mail in the outbox inside the caller's transaction: if the change it reports rolls
 * back, so does the e-mail. A job delivers it after commit, retrying until the provider accepts it.
 */
export async function queueEmail<N extends EmailTemplateName>(tx: Tx, input: QueueEmailInput<N>) {
  const to = recipient.parse(input.to);
  const props = emailPropsSchemas[input.template].parse(input.props) as Prisma.InputJsonObject;
  const email = await tx.email.create({
    data: { to, template: input.template, props, locale: input.locale, createdAt: now() },
    select: { id: true },
  });
  await enqueueJob(tx, {
    type: "email.send",
    payload: { emailId: email.id },
    uniqueKey: `email:${email.id}`,
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  });
  return { emailId: email.id };
}
