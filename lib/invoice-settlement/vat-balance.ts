import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import type { Staff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import { areaUrl } from "@/lib/renewals/notice";
import { settlementInput } from "@/lib/staff/schemas";
import { SettlementError } from "./errors";
import { assertAdministration, loadLockedPayment } from "./load";
import { settlementRefusal } from "./rules";

/**
 * "Richiedi il pagamento dell'IVA": a split payment made by mistake on an ordinary invoice paid the
 * net only; its success already left the VAT as the invoice's open balance (Parzialmente pagata,
 * payable on Paga fattura in the ordinary regime). Amministrazione settles the case by asking the
 * payer for it, by e-mail at the address given for the receipt. Once only: the invoice row lock
 * plus a conditional update of the payment's settlement.
 */
export async function openVatBalance(opts: { staff: Staff; input: unknown; ip?: string; userAgent?: string }): Promise<{ balanceCents: number }> {
  assertAdministration(opts.staff);
  const parsed = settlementInput.safeParse({ ...(opts.input as object), kind: "vat" });
  if (!parsed.success) throw new SettlementError("invalid_input");

  return db.$transaction(async (tx) => {
    const payment = await loadLockedPayment(tx, parsed.data.invoicePaymentId);
    const invoice = payment.invoice;
    const refusal = settlementRefusal(invoice, payment.facts, "vat");
    if (refusal) throw new SettlementError(refusal);
    const moved = await tx.invoicePayment.updateMany({ where: { id: payment.id, settlement: null }, data: { settlement: "vat" } });
    if (moved.count === 0) throw new SettlementError("already_settled");

    await writeAudit(tx, {
      actor: actorOf.staff(opts.staff.staffId),
      action: "invoice.vat_requested",
      entity: "InvoicePayment",
      entityId: payment.id,
      data: { invoiceId: invoice.id, invoiceNumber: invoice.number, balanceCents: invoice.vatCents, balanceSeq: invoice.balanceSeq },
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    await queueEmail(tx, {
      to: payment.receiptEmail,
      template: "invoice-vat-balance",
      props: {
        name: payment.payerName,
        invoiceNumber: invoice.number,
        customerCode: invoice.customer.customerCode,
        paidNetCents: payment.amountCents,
        vatCents: invoice.vatCents,
        payUrl: areaUrl("/paga-fattura"),
      },
      locale: invoice.customer.locale,
    });
    return { balanceCents: invoice.vatCents };
  });
}
