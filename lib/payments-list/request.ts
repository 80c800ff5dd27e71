import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs";
import { PaymentsListError } from "./errors";
import { consumePaymentsListAllowance } from "./rate-limit";
import { paymentsListInput } from "./schemas";

export type RequestPaymentsListOptions = {
  /** Raw form values: parsed here again, whatever the form checked. */
  input: unknown;
  viewer?: Viewer | null;
  ip?: string;
  userAgent?: string;
};

/** The forms a (normalised) tax id may be stored in: a partita IVA with or without the "IT" prefix. */
function taxIdVariants(taxId: string): string[] {
  return /^\d{11}$/.test(taxId) ? [taxId, `IT${taxId}`] : [taxId];
}

/**
 * Lista Pagamenti: when the customer code and the customer's codice fiscale or partita IVA match,
 * queues the job that e-mails the period's payments to the customer's registered address. The
 * caller learns nothing either way (no return value, same timing path up to the lookup): the list
 * is never shown and never sent to an address given in the request. Every request is audited
 * (`payments-list.requested`, with whether it matched) for Amministrazione.
 */
export async function requestPaymentsList(opts: RequestPaymentsListOptions): Promise<void> {
  const parsed = paymentsListInput.safeParse(opts.input);
  if (!parsed.success) throw new PaymentsListError("invalid_input");
  const { customerCode, taxId, from, to } = parsed.data;

  // Before the lookup, so that being limited does not depend on whether the data match.
  const throttle = await consumePaymentsListAllowance(opts.ip, customerCode);
  if (!throttle.allowed) throw new PaymentsListError("rate_limited", throttle.retryAfterSeconds);

  const customer = await db.customer.findFirst({
    where: {
      customerCode: { equals: customerCode, mode: "insensitive" },
      OR: taxIdVariants(taxId).flatMap((v) => [{ fiscalCode: { equals: v, mode: "insensitive" as const } }, { vatNumber: { equals: v, mode: "insensitive" as const } }]),
    },
    select: { id: true },
  });

  const userAgent = opts.userAgent?.slice(0, 500);
  await db.$transaction(async (tx) => {
    await writeAudit(tx, {
      actor: opts.viewer ? actorOf.customer(opts.viewer.customerId) : actorOf.anonymous,
      action: "payments-list.requested",
      entity: "Customer",
      entityId: customer?.id,
      data: { customerCode, matched: customer !== null, from, to },
      ip: opts.ip,
      userAgent,
    });
    if (!customer) return;
    // One list per customer, period and minute: a double submit sends one e-mail.
    const minute = now().toISOString().slice(0, 16);
    await enqueueJob(tx, {
      type: "payments-list.send",
      payload: { customerId: customer.id, from, to },
      uniqueKey: `payments-list.send:${customer.id}:${from}:${to}:${minute}`,
    });
  });
}
