import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import type { JobHandler } from "@/lib/jobs";
import { collectPayments } from "./collect";
import { paymentsCsv } from "./csv";
import { log } from "@/lib/ops/log";

/**
 * The `payments-list.send` job: the period's payments as a CSV attachment, to the address the
 * customer has registered now (never one given in the request). One e-mail per job: the outbox id
 * is derived from the job's id, so a retry after a crash queues nothing more.
 */
export const sendPaymentsListJob: JobHandler<"payments-list.send"> = async ({ customerId, from, to }, ctx) => {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { id: true, email: true, locale: true, displayName: true, customerCode: true } });
  if (!customer) {
    log("payments-list").warn({ customerId }, "customer not found, nothing sent");
    return;
  }
  const rows = await collectPayments({ customerId, from, to });
  const csv = paymentsCsv(rows, customer.locale);

  await db.$transaction(async (tx) => {
    const { emailId, created } = await queueEmail(tx, {
      to: customer.email,
      template: "payments-list",
      props: { name: customer.displayName, customerCode: customer.customerCode, from, to, count: rows.length },
      locale: customer.locale,
      attachments: [{ filename: `Lista-Pagamenti-${customer.customerCode}-${from}-${to}.csv`, contentType: "text/csv; charset=utf-8", content: Buffer.from(csv, "utf8") }],
      idempotencyKey: `payments-list.send:${ctx.jobId}`,
    });
    if (!created) return;
    await writeAudit(tx, {
      actor: actorOf.system,
      action: "payments-list.sent",
      entity: "Customer",
      entityId: customer.id,
      data: { from, to, count: rows.length, emailId },
    });
  });
};
