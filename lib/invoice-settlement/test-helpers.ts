import { randomUUID } from "node:crypto";
import type { Staff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { PaymentStatus, VatRegime } from "@/lib/db/generated/enums";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { getGateway } from "@/lib/gateway";
import { vaultTestCard } from "@/lib/gateway/sandbox";
import { createInvoice } from "@/lib/invoices/create";

// Integration-test helpers: an invoice paid through the sandbox bank (a real charge, so that a
// refund really happens), and the demo staff.

let seq = 0;

export async function demoStaff(username: "admin" | "supporto"): Promise<Staff> {
  const s = await getDb().staffUser.findUniqueOrThrow({ where: { username }, select: { id: true, username: true, displayName: true, role: true } });
  return { staffId: s.id, username: s.username, displayName: s.displayName, role: s.role };
}

/** A fresh customer's invoice of 100,00 € + 22% VAT, paid in `regime` with a 4242 card (or left failed). */
export async function paidInvoice(opts: { splitPayment?: boolean; regime: VatRegime; status?: PaymentStatus }) {
  const db = getDb();
  const c = await createTestCustomer();
  const invoice = await createInvoice(db, {
    number: `FT-2099-${String(++seq).padStart(3, "0")}${randomUUID().slice(0, 3)}`,
    customerId: c.customerId,
    issuedAt: now(),
    splitPayment: opts.splitPayment ?? false,
    lines: [{ description: "Canone annuo di prova", unitNetCents: 10_000 }],
  });
  const amountCents = opts.regime === "SPLIT_PAYMENT" ? invoice.netCents : invoice.totalCents;
  const id = randomUUID();
  const card = await vaultTestCard({ merchantCustomerRef: c.customerId, number: "4242424242424242", expMonth: 12, expYear: 2030, holder: "Pagatore QA" });
  const outcome = await getGateway().chargeSavedCard({ cardToken: card.token, amountCents, currency: "EUR", merchantRef: id, idempotencyKey: `t-${id}`, initiator: "MIT" });
  if (outcome.status !== "succeeded") throw new Error(`test charge ${outcome.status}`);
  const succeeded = (opts.status ?? "SUCCEEDED") === "SUCCEEDED";
  const payment = await db.invoicePayment.create({
    data: {
      id, invoiceId: invoice.id, balanceSeq: 1, regime: opts.regime, amountCents, payerName: "Pagatore QA", payerTaxId: "RSSMRA80A01H501U",
      receiptEmail: `pagatore.${id.slice(0, 8)}@example.it`, status: opts.status ?? "SUCCEEDED", idempotencyKey: `ip-${id}`,
      gatewayChargeId: succeeded ? outcome.chargeId : null, succeededBalanceKey: succeeded ? `${invoice.id}:1` : null,
      cardBrand: card.brand, cardLast4: card.last4, settledAt: now(),
    },
    select: { id: true, amountCents: true, receiptEmail: true, gatewayChargeId: true },
  });
  if (succeeded) await db.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: now() } });
  return { customer: c, invoice, payment, chargeId: outcome.chargeId };
}
