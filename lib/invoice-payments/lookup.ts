import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { InvoiceStatus, VatRegime } from "@/lib/db/generated/enums";
import { amountDue } from "@/lib/invoices/amounts";
import { InvoicePaymentError } from "./errors";
import { checkLookupThrottle, countLookup, countLookupFailure } from "./rate-limit";
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
 * (`activeInvoiceId` is set by "Paga con carta"), which the summary page reads by its random id.
 * A mismatch says nothing about which field was wrong, and counts against the rate limits.
 */
export async function prepareInvoicePayment(opts: PrepareInvoicePaymentOptions): Promise<{ invoicePaymentId: string }> {
  const parsed = payInvoiceInput.safeParse(opts.input);
  if (!parsed.success) throw new InvoicePaymentError("invalid_input");
  const input = parsed.data;

  // Outside any transaction: the limiter runs its own queries (PGlite has a single connection).
  const throttle = await checkLookupThrottle(opts.ip, input.invoiceNumber);
  if (!throttle.allowed) throw new InvoicePaymentError("rate_limited", { retryAfterSeconds: throttle.retryAfterSeconds });
  await countLookup(opts.ip);

  const invoice = await db.invoice.findUnique({
    where: { number: input.invoiceNumber },
    select: {
      id: true, status: true, netCents: true, totalCents: true, balanceCents: true, balanceSeq: true,
      customer: { select: { customerCode: true } },
      payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true, regime: true } },
    },
  });
  const owned = invoice && invoice.customer.customerCode.toUpperCase() === input.customerCode ? invoice : null;
  if (!owned || amountDue(owned, input.regime) !== input.amount) {
    if (owned && paidBefore(owned, input.regime, input.amount)) throw new InvoicePaymentError("already_paid");
    await countLookupFailure(opts.ip, input.invoiceNumber);
    throw new InvoicePaymentError("no_match");
  }
  const attempt = await db.invoicePayment.create({
    data: {
      invoiceId: owned.id, balanceSeq: owned.balanceSeq, regime: input.regime, amountCents: input.amount,
      payerName: input.payerName, payerTaxId: input.payerTaxId, receiptEmail: input.receiptEmail,
      idempotencyKey: `inv_${randomUUID()}`, ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500), createdAt: now(),
    },
    select: { id: true },
  });
  return { invoicePaymentId: attempt.id };
}

/**
 * The FAQ's "dropped connection" case: data that matched this invoice before it was paid (the
 * amount of one of its payments, or, once paid in full, what it asked in that regime) get
 * "already paid", not "no match".
 */
function paidBefore(
  invoice: { status: InvoiceStatus; netCents: number; totalCents: number; payments: { amountCents: number; regime: VatRegime }[] },
  regime: VatRegime,
  amountCents: number,
): boolean {
  const asked = regime === "SPLIT_PAYMENT" ? invoice.netCents : invoice.totalCents;
  return (invoice.status === "PAID" && amountCents === asked) || invoice.payments.some((p) => p.regime === regime && p.amountCents === amountCents);
}
