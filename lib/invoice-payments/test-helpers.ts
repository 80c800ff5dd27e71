// Helpers for the integration tests of invoice payments, receipts, Lista Pagamenti and the back
// office's settlements (not used by the application).
import { activeKeyOf, createAttempt, settleFailure, settleSuccess } from "@/lib/attempts";
import { getDb } from "@/lib/db";
import type { VatRegime } from "@/lib/db/generated/enums";
import { nextYearlyNumber } from "@/lib/db/numbering";
import { catalogue } from "@/lib/demo/catalogue";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { getGateway } from "@/lib/gateway";
import { saveTestCard } from "@/lib/gateway/testing";
import { simulateHostedPayment } from "@/lib/gateway/sandbox/simulate";
import { invoiceRegime } from "@/lib/invoices/amounts";
import { createInvoice } from "@/lib/invoices/create";
import { handleInvoicePaymentReturn } from "./confirm";
import { prepareInvoicePayment } from "./lookup";
import { startInvoicePayment } from "./start";

export const CARDS = { ok: "4242424242424242", declined: "4000000000000002", threeDs: "4000002760003184" } as const;

let addresses = 0;
/** A client address of its own, so that one test's lookups never meet another's rate limits. */
export const freshIp = () => `198.51.${Math.floor(++addresses / 250)}.${addresses % 250}`;

/** A customer of the test's own with its unpaid invoice (122,00 € ordinary, or 250,00 + 55,00 € split payment). */
export async function unpaidInvoice(kind: "ordinary" | "split" = "ordinary") {
  const c = await createTestCustomer({ kind: kind === "split" ? "public-body" : "no-card", invoices: true });
  const invoice = c.invoices.find((i) => i.status === "UNPAID")!;
  return { ...invoice, customerCode: c.customerCode, customerId: c.customerId };
}

export function stepOne(invoice: { number: string; customerCode: string }, values: Partial<Record<string, string>> = {}) {
  return {
    invoiceNumber: invoice.number, customerCode: invoice.customerCode, amount: "122,00", regime: "ORDINARY",
    payerName: "Mario Rossi", payerTaxId: "RSSMRA80A01H501U", receiptEmail: "pagatore@example.it", ...values,
  };
}

export const sessionOf = (redirectUrl: string | undefined) => /^\/gateway\/pay\/([0-9a-f-]{36})$/.exec(redirectUrl ?? "")?.[1] ?? null;

/** The payer's whole journey: step one, "Paga con carta", the bank's page, back to the area. */
export async function payInvoice(input: object, card: string = CARDS.ok, otp?: string) {
  const { invoicePaymentId } = await prepareInvoicePayment({ input, ip: freshIp() });
  const started = await startInvoicePayment({ invoicePaymentId });
  const sessionId = sessionOf(started.redirectUrl);
  if (!sessionId) throw new Error(`no bank page for ${invoicePaymentId}`);
  const back = new URL(await simulateHostedPayment(sessionId, { number: card, otp }), "http://area.test");
  const view = await handleInvoicePaymentReturn({ invoicePaymentId, query: back.searchParams });
  if (!view) throw new Error(`return of ${invoicePaymentId} not recognised`);
  return { invoicePaymentId, view, back };
}

/** Charges the bank made (succeeded, refunded or not) for the attempts on one invoice. */
export async function bankCharges(invoiceId: string) {
  const db = getDb();
  const ids = (await db.invoicePayment.findMany({ where: { invoiceId }, select: { id: true } })).map((p) => p.id);
  return db.gwCharge.count({ where: { merchantRef: { in: ids }, status: "SUCCEEDED" } });
}

export async function seedCatalogue() {
  const db = getDb();
  for (const p of catalogue) await db.product.upsert({ where: { code: p.code }, create: p, update: {} });
}

type TestCustomer = Awaited<ReturnType<typeof createTestCustomer>>;

export type PaidInvoiceOptions = {
  /** The invoice is in split payment (its customer a public body). */
  split?: boolean;
  /** The regime the payer chose; by default the invoice's own, another one is the mistake Amministrazione settles. */
  regime?: VatRegime;
  /** FAILED: the bank charged, but the attempt is recorded as failed. */
  status?: "SUCCEEDED" | "FAILED";
  /** The invoice's net (one line, VAT 22%); 100,00 € by default. */
  netCents?: number;
  receiptEmail?: string;
  locale?: "it" | "en";
  /** Pay an invoice of this customer (from createTestCustomer) instead of a new one's. */
  customer?: TestCustomer;
};

/**
 * An invoice issued on 10/02/2026, paid on Paga fattura with a 4242 card: a real charge at the
 * sandbox bank (so that a refund really happens), recorded by the payment use case itself (invoice
 * PAID, audit, quietanza queued). Step one would refuse a regime mistake, and tests need a given
 * amount and date, so the attempt is written here rather than typed in the form.
 */
export async function paidInvoice(opts: PaidInvoiceOptions = {}) {
  const db = getDb();
  const c = opts.customer ?? (await createTestCustomer({ kind: opts.split ? "public-body" : "no-card" }));
  if (opts.locale) await db.customer.update({ where: { id: c.customerId }, data: { locale: opts.locale } });
  const invoice = await db.$transaction(async (tx) =>
    createInvoice(tx, {
      number: await nextYearlyNumber(tx, "Invoice"),
      customerId: c.customerId,
      issuedAt: new Date("2026-02-10T10:00:00Z"),
      splitPayment: opts.split ?? false,
      lines: [{ description: "PEC – 1 anno", unitNetCents: opts.netCents ?? 10_000 }],
    }),
  );
  const regime = opts.regime ?? invoiceRegime(invoice);
  const amountCents = regime === "SPLIT_PAYMENT" ? invoice.netCents : invoice.totalCents;
  const receiptEmail = opts.receiptEmail ?? `pagatore.${Math.random().toString(36).slice(2, 10)}@example.it`;
  const payment = await db.$transaction(async (tx) => {
    const attempt = await createAttempt(tx, { purpose: "INVOICE", amountCents, activeKey: activeKeyOf.invoice(invoice.id) });
    await tx.attempt.update({ where: { id: attempt.id }, data: { status: "SENT", sentAt: new Date() } });
    await tx.invoicePayment.create({ data: { id: attempt.id, invoiceId: invoice.id, balanceSeq: 1, regime, payerName: "Ente Pagatore QA", payerTaxId: "01234567890", receiptEmail } });
    return { id: attempt.id, idempotencyKey: attempt.idempotencyKey, amountCents, receiptEmail };
  });
  const id = payment.id;
  const card = await saveTestCard({ merchantCustomerRef: `payer-${id}`, number: "4242424242424242", holder: "Ente Pagatore QA", expMonth: 12, expYear: 2030 });
  const outcome = await getGateway().chargeSavedCard({ cardToken: card.token, merchantCustomerRef: `payer-${id}`, description: `Fattura ${invoice.number}`, amountCents, currency: "EUR", merchantRef: id, idempotencyKey: payment.idempotencyKey, initiator: "MIT" });
  if (outcome.status !== "succeeded") throw new Error(`sandbox charge ${outcome.status}`);
  if (opts.status === "FAILED") await settleFailure(id, "declined");
  else await settleSuccess(id, outcome);
  const receipt = await db.receipt.findUnique({ where: { invoicePaymentId: id }, select: { id: true, number: true } });
  return { customer: c, invoice, payment, chargeId: outcome.chargeId, receipt };
}
