import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { getGateway } from "@/lib/gateway";
import { amountDue } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock";
import { failpoint } from "@/lib/ops/failpoints";
import { IN_FLIGHT_GRACE_MS } from "@/lib/payments/confirm-payment";
import { isUniqueViolation } from "@/lib/payments/errors";
import { PAYMENT_NOTIFY_PATH } from "@/lib/payments/start-payment";
import { confirmInvoicePayment } from "./confirm";
import { InvoicePaymentError } from "./errors";
import { invoicePaymentReturnPath } from "./paths";
import { log } from "@/lib/ops/log";

/** A summary left this long is stale: the payer starts again from step one. */
export const PREPARED_TTL_MS = 30 * 60_000;

/** Attempts still on the summary, never sent to the bank, are closed as expired (nothing to audit: no money moved). */
export async function expirePrepared(where: { id: string } | { createdBefore: Date }) {
  const match = "id" in where ? { id: where.id } : { createdAt: { lt: where.createdBefore } };
  await db.invoicePayment.updateMany({ where: { ...match, status: "CREATED", activeInvoiceId: null }, data: { status: "FAILED", failureReason: "expired", settledAt: now() } });
}

/** Where the browser goes: the bank's page, or (no `redirectUrl`) the attempt's outcome page. */
export type StartInvoicePaymentResult = { invoicePaymentId: string; redirectUrl?: string };

type Attempt = { id: string; invoiceId: string; idempotencyKey: string; amountCents: number };

/**
 * "Paga con carta" on the summary. Under the invoice's row lock the attempt takes the invoice
 * (`activeInvoiceId`, unique: one attempt in flight per invoice) if it is still payable with the
 * same amount and balance; the attempt and its idempotency key are stored before the bank is
 * called. A second press (double click, back button) finds the same attempt and the same session
 * at the bank. Another attempt holding the invoice is ended at the bank if its payer left it.
 */
export async function startInvoicePayment(opts: { invoicePaymentId: string; ip?: string; userAgent?: string }): Promise<StartInvoicePaymentResult> {
  const id = opts.invoicePaymentId;
  const p = isUuid(id)
    ? await db.invoicePayment.findUnique({ where: { id }, select: { id: true, invoiceId: true, idempotencyKey: true, amountCents: true, status: true, activeInvoiceId: true, createdAt: true } })
    : null;
  if (!p) throw new InvoicePaymentError("not_found");
  if (p.status === "SUCCEEDED" || p.status === "FAILED") return { invoicePaymentId: id };
  if (!p.activeInvoiceId) {
    if (now().getTime() - p.createdAt.getTime() > PREPARED_TTL_MS) {
      await expirePrepared({ id });
      return { invoicePaymentId: id };
    }
    if (!(await holdInvoice(p, opts))) return { invoicePaymentId: id };
  } else {
    // Pressed again: the bank says where this attempt stands (and where the payer is expected).
    const view = await confirmInvoicePayment({ invoicePaymentId: id });
    if (view.status !== "OPEN" || view.redirectUrl) return { invoicePaymentId: id, redirectUrl: view.redirectUrl };
  }
  return sendToBank(p);
}

/** Takes the invoice for this attempt; false when the attempt can no longer pay it (then FAILED, with why). */
async function holdInvoice(p: Attempt, opts: { ip?: string; userAgent?: string }): Promise<boolean> {
  for (let round = 0; round < 3; round++) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        const invoice = await lockInvoice(tx, p.invoiceId);
        const attempt = await tx.invoicePayment.findUniqueOrThrow({ where: { id: p.id }, select: { status: true, activeInvoiceId: true, balanceSeq: true, regime: true, amountCents: true } });
        if (attempt.status !== "CREATED" || attempt.activeInvoiceId) return "held" as const; // a second press got here first
        if (!invoice || invoice.balanceSeq !== attempt.balanceSeq || amountDue(invoice, attempt.regime) !== attempt.amountCents) {
          return invoice?.status === "PAID" ? ("invoice_paid" as const) : ("invoice_changed" as const);
        }
        await tx.invoicePayment.update({ where: { id: p.id }, data: { activeInvoiceId: p.invoiceId, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) } });
        await writeAudit(tx, {
          actor: actorOf.anonymous, action: "invoice.payment.started", entity: "invoice", entityId: p.invoiceId,
          data: { invoicePaymentId: p.id, amountCents: attempt.amountCents, regime: attempt.regime, balanceSeq: attempt.balanceSeq }, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500),
        });
        return "held" as const;
      });
      if (outcome === "held") return true;
      await db.invoicePayment.updateMany({ where: { id: p.id, status: "CREATED", activeInvoiceId: null }, data: { status: "FAILED", failureReason: outcome, settledAt: now() } });
      return false;
    } catch (error) {
      if (!isUniqueViolation(error, "activeInvoiceId")) throw error;
      await settleActiveAttempt(p.invoiceId);
    }
  }
  throw new InvoicePaymentError("in_progress");
}

/** Another attempt holds the invoice: end it at the bank if its payer left it there, else report it. */
async function settleActiveAttempt(invoiceId: string) {
  const active = await db.invoicePayment.findUnique({ where: { activeInvoiceId: invoiceId }, select: { id: true, status: true, updatedAt: true } });
  if (!active) return; // settled meanwhile: try again
  const recent = now().getTime() - active.updatedAt.getTime() < IN_FLIGHT_GRACE_MS;
  if (active.status !== "REQUIRES_ACTION" && recent) throw new InvoicePaymentError("in_progress");
  const view = await confirmInvoicePayment({ invoicePaymentId: active.id, cancelOpen: true });
  if (view.status === "SUCCEEDED") throw new InvoicePaymentError("already_paid");
  if (view.status === "OPEN") throw new InvoicePaymentError("in_progress");
}

/**
 * Opens (or finds again: same idempotency key, same session) the bank's hosted page. The public
 * payer is nobody's customer: the bank files the card under this attempt alone, and the area keeps
 * only its brand and last four digits, for the quietanza.
 */
async function sendToBank(p: Attempt): Promise<StartInvoicePaymentResult> {
  await db.invoicePayment.updateMany({ where: { id: p.id, status: "CREATED" }, data: { status: "SENT" } });
  failpoint("invoice-payment.after-hold");
  try {
    const session = await getGateway().createHostedSession({
      kind: "PAYMENT", amountCents: p.amountCents, currency: "EUR", merchantRef: p.id, merchantCustomerRef: `paga-fattura:${p.id}`,
      idempotencyKey: p.idempotencyKey, returnUrl: invoicePaymentReturnPath(p.id), notifyUrl: PAYMENT_NOTIFY_PATH, saveCard: false, description: "Pagamento fattura",
    });
    await db.invoicePayment.updateMany({ where: { id: p.id, status: "SENT" }, data: { status: "REQUIRES_ACTION", gatewaySessionId: session.sessionId } });
    const { status } = await db.invoicePayment.findUniqueOrThrow({ where: { id: p.id }, select: { status: true } });
    // Settled meanwhile (e.g. a press after the bank answered): the outcome page says how.
    return status === "REQUIRES_ACTION" ? { invoicePaymentId: p.id, redirectUrl: session.redirectUrl } : { invoicePaymentId: p.id };
  } catch (error) {
    // The bank's answer is unknown: the attempt stays SENT and reconciliation settles it.
    log("invoice-payments").error({ err: error, invoicePaymentId: p.id }, "gateway call failed");
    return { invoicePaymentId: p.id };
  }
}
