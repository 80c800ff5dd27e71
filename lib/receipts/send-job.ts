import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import type { JobHandler } from "@/lib/jobs";
import { ensureReceiptPdf, receiptFilename } from "./pdf";
import { log } from "@/lib/ops/log";

/**
 * The `receipts.send` job: makes the quietanza's PDF (once, kept on the receipt) and queues the
 * e-mail that carries it to `to`.
 *
 * Exactly one e-mail per job, whatever happens: the e-mail's outbox id is derived from the job's
 * id (`idempotencyKey`), so a retry after a crash between "e-mail queued" and "job done" finds the
 * row and queues nothing; the audit entry is written in the same transaction, only by the run that
 * queued it. A resend is another job (queueReceipt with `resend: true`), hence another e-mail.
 */
export const sendReceiptJob: JobHandler<"receipts.send"> = async ({ receiptId, to }, ctx) => {
  const receipt = await ensureReceiptPdf(receiptId);
  if (!receipt) {
    // Nothing to attest (no such receipt, or its payment did not succeed): retrying won't change it.
    log("receipts").warn({ receiptId }, "receipt has no successful payment, nothing sent");
    return;
  }
  const p = receipt.invoicePayment;
  if (p.attempt.refundedAt) {
    // Refunded before it left: there is no payment left to attest (the payer got the refund's e-mail).
    log("receipts").warn({ receiptId }, "payment refunded, quietanza not sent");
    return;
  }
  const job = await db.job.findUnique({ where: { id: ctx.jobId }, select: { uniqueKey: true } });
  const resend = job?.uniqueKey ? !job.uniqueKey.endsWith(":first") : false;

  await db.$transaction(async (tx) => {
    const { emailId, created } = await queueEmail(tx, {
      to,
      template: "receipt",
      props: {
        payerName: p.payerName,
        receiptNumber: receipt.number,
        invoiceNumber: p.invoice.number,
        amountCents: p.attempt.amountCents,
        regime: p.regime,
        paidAt: (p.attempt.settledAt ?? p.attempt.updatedAt).toISOString(),
        // "Visa •••• 4242" reads the same in both languages.
        card: p.attempt.cardBrand && p.attempt.cardLast4 ? `${p.attempt.cardBrand} •••• ${p.attempt.cardLast4}` : "—",
        transactionId: p.attempt.gatewayChargeId!,
        resend,
      },
      // The invoice's customer's language; the PDF itself is Italian, like the invoice.
      locale: p.invoice.customer.locale,
      attachments: [{ filename: receiptFilename(receipt.number), contentType: "application/pdf", content: receipt.pdf }],
      idempotencyKey: `receipts.send:${ctx.jobId}`,
    });
    if (!created) return;
    await writeAudit(tx, {
      actor: actorOf.system,
      action: resend ? "receipt.resent" : "receipt.sent",
      entity: "Receipt",
      entityId: receipt.id,
      data: { number: receipt.number, invoiceNumber: p.invoice.number, to, emailId },
    });
  });
};
