import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Staff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { queueReceipt } from "@/lib/receipts/queue";
import { resendReceiptInput } from "@/lib/staff/schemas";
import { SettlementError } from "./errors";
import { assertAdministration, loadLockedPayment } from "./load";

/**
 * "Reinvia quietanza": the same quietanza (same number, same PDF) e-mailed again, typically to the
 * address the payer meant to type (FAQ: "L'Amministrazione provvederà ad inviare manualmente la
 * ricevuta"). The payment's own receipt address is kept as typed; the audit records both. A
 * payment refunded, or being refunded, no longer has a quietanza to send.
 */
export async function resendReceipt(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ receiptNumber: string }> {
  assertAdministration(opts.staff);
  const parsed = resendReceiptInput.safeParse(opts.input);
  if (!parsed.success) throw new SettlementError("invalid_input");
  const { invoicePaymentId, to } = parsed.data;

  return db.$transaction(async (tx) => {
    const payment = await loadLockedPayment(tx, invoicePaymentId);
    if (payment.facts.status !== "SUCCEEDED") throw new SettlementError("payment_not_succeeded");
    if (payment.facts.refundOwed || payment.facts.refunded) throw new SettlementError("payment_refunded");
    const receipt = await queueReceipt(tx, { invoicePaymentId, to, resend: true });
    await writeAudit(tx, {
      actor: actorOf.staff(opts.staff.staffId),
      action: "receipt.resent",
      entity: "InvoicePayment",
      entityId: payment.id,
      data: { invoiceNumber: payment.invoice.number, receiptNumber: receipt.number, to, typedByPayer: payment.receiptEmail },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    return { receiptNumber: receipt.number };
  });
}
