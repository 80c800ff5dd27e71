// Test support (integration tests only): an invoice paid on Paga fattura, charged by the sandbox
// bank and recorded the way the payment use case records it, with its receipt queued.
import { randomUUID } from "node:crypto";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { nextYearlyNumber } from "@/lib/db/numbering";
import { catalogue } from "@/lib/demo/catalogue";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { getGateway } from "@/lib/gateway";
import { vaultTestCard } from "@/lib/gateway/sandbox";
import { withVat } from "@/lib/money";
import { queueReceipt } from "./queue";

const db = getDb();

export async function seedCatalogue() {
  for (const p of catalogue) await db.product.upsert({ where: { code: p.code }, create: p, update: {} });
}

type TestCustomer = Awaited<ReturnType<typeof createTestCustomer>>;

/** `customer`: pay an invoice of this customer (from createTestCustomer) instead of a new one. */
export async function payInvoiceForTest(opts: { split?: boolean; receiptEmail: string; netCents?: number; locale?: "it" | "en"; customer?: TestCustomer }) {
  const c = opts.customer ?? (await createTestCustomer({ kind: opts.split ? "public-body" : "no-card" }));
  if (opts.locale) await db.customer.update({ where: { id: c.customerId }, data: { locale: opts.locale } });
  const { netCents, vatCents, totalCents } = withVat(opts.netCents ?? 10_000);
  const invoice = await db.$transaction(async (tx) =>
    tx.invoice.create({
      data: {
        number: await nextYearlyNumber(tx, "Invoice"),
        customerId: c.customerId,
        issuedAt: new Date("2026-02-10T10:00:00Z"),
        netCents, vatCents, totalCents,
        splitPayment: opts.split ?? false,
        lines: { create: [{ position: 1, description: "PEC – 1 anno", unitNetCents: netCents, netCents, vatCents, totalCents }] },
      },
    }),
  );
  const regime = opts.split ? "SPLIT_PAYMENT" : "ORDINARY";
  const amountCents = opts.split ? netCents : totalCents;
  const attempt = await db.invoicePayment.create({
    data: { invoiceId: invoice.id, balanceSeq: 1, regime, amountCents, payerName: "Ente Pagatore QA", payerTaxId: "01234567890", receiptEmail: opts.receiptEmail, status: "SENT", idempotencyKey: `ip_${randomUUID()}`, activeInvoiceId: invoice.id },
  });
  const card = await vaultTestCard({ merchantCustomerRef: `payer-${attempt.id}`, number: "4242424242424242", holder: "Ente Pagatore QA", expMonth: 12, expYear: 2030 });
  const outcome = await getGateway().chargeSavedCard({ cardToken: card.token, amountCents, currency: "EUR", merchantRef: attempt.id, idempotencyKey: attempt.idempotencyKey, initiator: "MIT" });
  if (outcome.status !== "succeeded") throw new Error(`sandbox charge ${outcome.status}`);

  const receipt = await db.$transaction(async (tx) => {
    await tx.invoicePayment.update({
      where: { id: attempt.id },
      data: { status: "SUCCEEDED", gatewayChargeId: outcome.chargeId, cardBrand: outcome.card.brand, cardLast4: outcome.card.last4, activeInvoiceId: null, succeededBalanceKey: `${invoice.id}:1`, settledAt: now() },
    });
    await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: now() } });
    return queueReceipt(tx, { invoicePaymentId: attempt.id, to: opts.receiptEmail });
  });
  return { customer: c, invoice, invoicePaymentId: attempt.id, chargeId: outcome.chargeId, amountCents, receipt };
}
