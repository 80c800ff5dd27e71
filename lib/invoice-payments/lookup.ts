import "server-only";
import { createAttempt } from "@/lib/attempts";
import { db } from "@/lib/db";
import type { InvoiceStatus, VatRegime } from "@/lib/db/generated/enums";
import { amountDue } from "@/lib/invoices/amounts";
import { InvoicePaymentError } from "./errors";
import { takeLookupAllowance } from "./rate-limit";
import { payInvoiceInput } from "./schemas";

export type PrepareInvoicePaymentOptions = {
  /** Raw form values: parsed here again, whatever the form checked. */
  input: unknown;
  ip?: string;
  userAgent?: string;
};

/**
 * Step one of Paga fattura. The data must match an invoice to pay: number and customer code
 * (upper case, as every number and code is issued) and the amount the invoice asks in the regime
 * declared (`amountDue`). A match is kept as an attempt in CREATED, not yet holding the invoice
 * (its `activeKey` is set by "Paga con carta"), which the summary page reads by its random id.
 * A mismatch says nothing about which field was wrong, and counts against the rate limits, which
 * are taken before the lookup. An invoice being refunded (Amministrazione's decision) is payable
 * again only once the refund is done: the same balance is never collected twice meanwhile.
 */
export async function prepareInvoicePayment(opts: PrepareInvoicePaymentOptions): Promise<{ invoicePaymentId: string }> {
  const parsed = payInvoiceInput.safeParse(opts.input);
  if (!parsed.success) throw new InvoicePaymentError("invalid_input");
  const input = parsed.data;

  // Outside any transaction: the limiter runs its own queries (PGlite has a single connection).
  const allowance = await takeLookupAllowance(opts.ip, input.invoiceNumber);
  if (!allowance.allowed) throw new InvoicePaymentError("rate_limited", { retryAfterSeconds: allowance.retryAfterSeconds });

  const invoice = await db.invoice.findUnique({
    where: { number: input.invoiceNumber },
    select: {
      id: true, status: true, netCents: true, totalCents: true, balanceCents: true, balanceSeq: true,
      customer: { select: { customerCode: true } },
      payments: { where: { attempt: { status: "SUCCEEDED" } }, select: { regime: true, attempt: { select: { amountCents: true } } } },
    },
  });
  const owned = invoice && invoice.customer.customerCode.toUpperCase() === input.customerCode ? invoice : null;
  if (owned?.status === "REFUND_PENDING" && amountDue({ ...owned, status: "UNPAID" }, input.regime) === input.amount) {
    await allowance.release();
    throw new InvoicePaymentError("refund_pending");
  }
  if (!owned || amountDue(owned, input.regime) !== input.amount) {
    if (owned && paidBefore(owned, input.regime, input.amount)) {
      await allowance.release();
      throw new InvoicePaymentError("already_paid");
    }
    throw new InvoicePaymentError("no_match");
  }
  await allowance.release();
  const attempt = await db.$transaction(async (tx) => {
    const created = await createAttempt(tx, { purpose: "INVOICE", amountCents: input.amount, ip: opts.ip, userAgent: opts.userAgent });
    await tx.invoicePayment.create({
      data: { id: created.id, invoiceId: owned.id, balanceSeq: owned.balanceSeq, regime: input.regime, payerName: input.payerName, payerTaxId: input.payerTaxId, receiptEmail: input.receiptEmail },
    });
    return created;
  });
  return { invoicePaymentId: attempt.id };
}

/**
 * The FAQ's "dropped connection" case: data that matched this invoice before it was paid (the
 * amount of one of its payments, or, once paid in full, what it asked in that regime) get
 * "already paid", not "no match".
 */
function paidBefore(
  invoice: { status: InvoiceStatus; netCents: number; totalCents: number; payments: { regime: VatRegime; attempt: { amountCents: number } }[] },
  regime: VatRegime,
  amountCents: number,
): boolean {
  const asked = regime === "SPLIT_PAYMENT" ? invoice.netCents : invoice.totalCents;
  return (invoice.status === "PAID" && amountCents === asked) || invoice.payments.some((p) => p.regime === regime && p.attempt.amountCents === amountCents);
}
