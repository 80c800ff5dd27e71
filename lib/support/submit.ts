import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { nextYearlyNumber } from "@/lib/db/numbering";
import { queueEmail } from "@/lib/email";
import type { AppLocale } from "@/lib/i18n/config";
import { SupportError } from "./errors";
import { consumeSupportAllowance } from "./rate-limit";
import { redactCardNumbers } from "./redact";
import { supportRequestInput } from "./schemas";

export type SubmitSupportRequestOptions = {
  /** Raw form values: parsed here again, whatever the form checked. */
  input: unknown;
  /** The logged-in customer, if any: the request is linked to them. */
  viewer?: Viewer | null;
  ip?: string;
  userAgent?: string;
  /** The language of the page, for the acknowledgement of a sender who is not logged in. */
  locale?: AppLocale;
};

/**
 * Records a Richiesta di Assistenza with its number, audits it and queues the acknowledgement
 * e-mail in the same transaction: a request is either stored, numbered and acknowledged, or not
 * at all.
 */
export async function submitSupportRequest(opts: SubmitSupportRequestOptions): Promise<{ id: string; number: string }> {
  const parsed = supportRequestInput.safeParse(opts.input);
  if (!parsed.success) throw new SupportError("invalid_input");
  const clean = (v: string | undefined) => (v === undefined ? undefined : redactCardNumbers(v));
  const input = {
    ...parsed.data,
    name: redactCardNumbers(parsed.data.name),
    customerCode: clean(parsed.data.customerCode),
    invoiceNumber: clean(parsed.data.invoiceNumber),
    message: redactCardNumbers(parsed.data.message),
  };

  // Outside the transaction: the limiter uses its own queries (PGlite has a single connection).
  const throttle = await consumeSupportAllowance(opts.ip);
  if (!throttle.allowed) throw new SupportError("rate_limited", throttle.retryAfterSeconds);

  const customerId = opts.viewer?.customerId;
  const customer = customerId ? await db.customer.findUnique({ where: { id: customerId }, select: { id: true, locale: true } }) : null;
  const locale: AppLocale = customer?.locale ?? opts.locale ?? "it";

  return db.$transaction(async (tx) => {
    const number = await nextYearlyNumber(tx, "SupportRequest");
    const request = await tx.supportRequest.create({
      data: {
        number,
        category: input.category,
        reason: input.reason,
        name: input.name,
        email: input.email,
        customerCode: input.customerCode,
        invoiceNumber: input.invoiceNumber,
        message: input.message,
        customerId: customer?.id,
        ip: opts.ip,
        userAgent: opts.userAgent?.slice(0, 500),
        createdAt: now(),
      },
      select: { id: true, number: true },
    });
    await writeAudit(tx, {
      actor: customer ? actorOf.customer(customer.id) : actorOf.anonymous,
      action: "support.requested",
      entity: "SupportRequest",
      entityId: request.id,
      data: { number, category: input.category, reason: input.reason },
      ip: opts.ip,
      userAgent: opts.userAgent?.slice(0, 500),
    });
    await queueEmail(tx, {
      to: input.email,
      template: "support-request-received",
      props: { name: input.name, requestNumber: number, category: input.category, reason: input.reason, message: input.message },
      locale,
    });
    return request;
  });
}
