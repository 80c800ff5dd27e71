import "server-only";
import { activeKeyOf, confirmAttempt, DebtHeldError, holdDebt, sendAttempt, settleFailure } from "@/lib/attempts";
import { PREPARED_TTL_MS } from "@/lib/attempts/state";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { amountDue } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock";
import { InvoicePaymentError } from "./errors";
import { invoicePaymentReturnPath } from "./paths";

/**
 * Another payer's attempt waiting at the bank is ended (so this one can pay) only after this long
 * unused: the page is public, and anyone with an invoice's data must not be able to keep killing
 * its payer's bank page.
 */
export const PAYER_LEFT_AFTER_MS = 3 * 60_000;

/** Where the browser goes: the bank's page, or (no `redirectUrl`) the attempt's outcome page. */
export type StartInvoicePaymentResult = { invoicePaymentId: string; redirectUrl?: string };

/**
 * "Paga con carta" on the summary. Under the invoice's row lock the attempt takes the invoice
 * (one attempt in flight per invoice) if it is still payable with the same amount and balance;
 * then the bank's hosted page. A second press (double click, back button) finds the same attempt
 * and the same page at the bank. Another attempt holding the invoice is ended at the bank if its
 * payer left it there. The public payer is nobody's customer: the bank keeps no card, the area
 * only its brand and last four digits, for the quietanza.
 */
export async function startInvoicePayment(opts: { invoicePaymentId: string; ip?: string; userAgent?: string }): Promise<StartInvoicePaymentResult> {
  const id = opts.invoicePaymentId;
  const p = isUuid(id)
    ? await db.invoicePayment.findUnique({ where: { id }, select: { invoiceId: true, invoice: { select: { number: true } }, attempt: { select: { status: true, activeKey: true, createdAt: true } } } })
    : null;
  if (!p) throw new InvoicePaymentError("not_found");
  const { status, activeKey, createdAt } = p.attempt;
  if (status === "SUCCEEDED" || status === "FAILED") return { invoicePaymentId: id };
  if (activeKey) {
    // Pressed again: the bank says where this attempt stands (and where the payer is expected).
    const view = await confirmAttempt(id);
    if (view.status !== "OPEN" || view.redirectUrl || status !== "CREATED") return { invoicePaymentId: id, redirectUrl: view.redirectUrl };
  } else {
    if (now().getTime() - createdAt.getTime() > PREPARED_TTL_MS) {
      await settleFailure(id, "expired");
      return { invoicePaymentId: id };
    }
    if (!(await holdInvoice(id, p.invoiceId, opts))) return { invoicePaymentId: id };
  }
  const view = await sendAttempt(id, {
    via: "hosted", kind: "PAYMENT", merchantCustomerRef: `paga-fattura:${id}`, saveCard: false, description: `Fattura ${p.invoice.number}`, returnPath: invoicePaymentReturnPath(id),
  });
  return { invoicePaymentId: id, ...(view.redirectUrl ? { redirectUrl: view.redirectUrl } : {}) };
}

/** Takes the invoice for this attempt; false when the attempt can no longer pay it (then FAILED, with why). */
async function holdInvoice(id: string, invoiceId: string, opts: { ip?: string; userAgent?: string }): Promise<boolean> {
  let outcome: "held" | "invoice_paid" | "invoice_changed";
  try {
    outcome = await holdDebt(activeKeyOf.invoice(invoiceId), () =>
      db.$transaction(async (tx) => {
        const invoice = await lockInvoice(tx, invoiceId);
        const attempt = await tx.attempt.findUniqueOrThrow({ where: { id }, select: { status: true, activeKey: true, amountCents: true, invoicePayment: { select: { balanceSeq: true, regime: true } } } });
        const ip = attempt.invoicePayment!;
        if (attempt.status !== "CREATED" || attempt.activeKey) return "held" as const; // a second press got here first
        if (!invoice || invoice.balanceSeq !== ip.balanceSeq || amountDue(invoice, ip.regime) !== attempt.amountCents) {
          return invoice?.status === "PAID" ? ("invoice_paid" as const) : ("invoice_changed" as const);
        }
        // Conditional: the janitor may have closed the summary as expired meanwhile.
        const took = await tx.attempt.updateMany({ where: { id, status: "CREATED", activeKey: null }, data: { activeKey: activeKeyOf.invoice(invoiceId), ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) } });
        if (took.count === 0) return "invoice_changed" as const;
        await writeAudit(tx, {
          actor: actorOf.anonymous, action: "invoice.payment.started", entity: "invoice", entityId: invoiceId,
          data: { invoicePaymentId: id, amountCents: attempt.amountCents, regime: ip.regime, balanceSeq: ip.balanceSeq }, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500),
        });
        return "held" as const;
      }),
      { leftAfterMs: PAYER_LEFT_AFTER_MS },
    );
  } catch (error) {
    if (error instanceof DebtHeldError) throw new InvoicePaymentError(error.code === "settled" ? "already_paid" : "in_progress");
    throw error;
  }
  if (outcome === "held") return true;
  await settleFailure(id, outcome);
  return false;
}
