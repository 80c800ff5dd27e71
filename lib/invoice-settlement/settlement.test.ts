import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reconcileAttempts, runOwedRefund } from "@/lib/attempts";
import { advanceClock, resetClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { getGateway } from "@/lib/gateway";
import { paidInvoice } from "@/lib/invoice-payments/test-helpers";
import { amountDue } from "@/lib/invoices/amounts";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { SettlementError } from "./errors";
import { refundInvoicePayment, requestRefund } from "./refund";
import { resendReceipt } from "./resend-receipt";
import { demoStaff } from "./test-helpers";
import { openVatBalance } from "./vat-balance";

const db = getDb();
let admin: Awaited<ReturnType<typeof demoStaff>>;
let supporto: Awaited<ReturnType<typeof demoStaff>>;

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
  admin = await demoStaff("admin");
  supporto = await demoStaff("supporto");
});
beforeEach(() => resetClock());

const invoiceState = (id: string) => db.invoice.findUniqueOrThrow({ where: { id }, select: { status: true, balanceCents: true, balanceSeq: true, paidAt: true, netCents: true, totalCents: true } });
const refundsOf = (chargeId: string) => db.gwRefund.count({ where: { chargeId } });

describe("Reinvia quietanza", () => {
  it("queues the same quietanza to the corrected address and audits who did it", async () => {
    const { payment } = await paidInvoice({ regime: "ORDINARY" });
    const r = await resendReceipt({ staff: admin, input: { invoicePaymentId: payment.id, to: " Corretto@Example.it " } });
    expect(r.receiptNumber).toMatch(/^QT-\d{4}-\d{6}$/);
    const jobs = await db.job.findMany({ where: { type: "receipts.send" }, select: { payload: true } });
    expect(jobs.map((j) => j.payload)).toContainEqual({ receiptId: expect.any(String), to: "corretto@example.it" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "receipt.resent", entityId: payment.id } });
    expect(audit.actor).toBe(`staff:${admin.staffId}`);
    expect(audit.data).toMatchObject({ to: "corretto@example.it", typedByPayer: payment.receiptEmail, receiptNumber: r.receiptNumber });
  });

  it("refuses a bad address, Supporto Tecnico and a payment that did not succeed, writing nothing", async () => {
    const { payment } = await paidInvoice({ regime: "ORDINARY" });
    const failed = await paidInvoice({ regime: "ORDINARY", status: "FAILED" });
    const before = { jobs: await db.job.count(), audit: await db.auditLog.count() };
    await expect(resendReceipt({ staff: admin, input: { invoicePaymentId: payment.id, to: "non-un-indirizzo" } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(resendReceipt({ staff: supporto, input: { invoicePaymentId: payment.id, to: "a@example.it" } })).rejects.toMatchObject({ code: "not_allowed" });
    await expect(resendReceipt({ staff: admin, input: { invoicePaymentId: failed.payment.id, to: "a@example.it" } })).rejects.toMatchObject({ code: "payment_not_succeeded" });
    await expect(resendReceipt({ staff: admin, input: { invoicePaymentId: "00000000-0000-4000-8000-000000000000", to: "a@example.it" } })).rejects.toMatchObject({ code: "not_found" });
    expect({ jobs: await db.job.count(), audit: await db.auditLog.count() }).toEqual(before);
  });
});

describe("a split payment chosen by mistake on an ordinary invoice", () => {
  it("leaves the VAT owed; Richiedi il pagamento dell'IVA asks the payer for it, once", async () => {
    const { invoice, payment } = await paidInvoice({ regime: "SPLIT_PAYMENT" });
    const owed = await invoiceState(invoice.id);
    expect(owed).toMatchObject({ status: "PARTIALLY_PAID", balanceCents: 2_200, balanceSeq: 2, paidAt: null });
    expect(amountDue(owed, "ORDINARY")).toBe(2_200);
    expect(amountDue(owed, "SPLIT_PAYMENT")).toBeNull();

    const results = await Promise.allSettled([
      openVatBalance({ staff: admin, input: { invoicePaymentId: payment.id } }),
      openVatBalance({ staff: admin, input: { invoicePaymentId: payment.id } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(SettlementError);
    expect(refused?.reason).toMatchObject({ code: "already_settled" });
    expect(await invoiceState(invoice.id)).toEqual(owed);

    const emails = await db.email.findMany({ where: { to: payment.receiptEmail }, select: { template: true, props: true } });
    expect(emails).toEqual([{ template: "invoice-vat-balance", props: expect.objectContaining({ invoiceNumber: invoice.number, vatCents: 2_200, paidNetCents: 10_000 }) }]);
    expect(await db.auditLog.count({ where: { action: "invoice.vat_requested", entityId: payment.id, actor: `staff:${admin.staffId}` } })).toBe(1);
    // Settled once: the refund no longer applies either.
    await expect(refundInvoicePayment({ staff: admin, input: { invoicePaymentId: payment.id } })).rejects.toMatchObject({ code: "already_settled" });
  });

  it("Rimborsa refunds at the bank once under a double click and reopens the invoice in full", async () => {
    const { invoice, payment, chargeId } = await paidInvoice({ regime: "SPLIT_PAYMENT" });
    const results = await Promise.allSettled([
      refundInvoicePayment({ staff: admin, input: { invoicePaymentId: payment.id } }),
      refundInvoicePayment({ staff: admin, input: { invoicePaymentId: payment.id } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ status: string }>).value)).toEqual([{ status: "refunded" }]);
    expect(await refundsOf(chargeId)).toBe(1);
    expect(await db.gwCharge.findUniqueOrThrow({ where: { id: chargeId }, select: { refundedCents: true } })).toEqual({ refundedCents: 10_000 });
    expect(await db.attempt.findUniqueOrThrow({ where: { id: payment.id }, select: { refundedCents: true, refundedAt: true } })).toMatchObject({ refundedCents: 10_000, refundedAt: expect.any(Date) });

    const after = await invoiceState(invoice.id);
    expect(after).toMatchObject({ status: "UNPAID", balanceCents: 0, balanceSeq: 3, paidAt: null });
    expect(amountDue(after, "ORDINARY")).toBe(12_200);
    const emails = await db.email.findMany({ where: { to: payment.receiptEmail }, select: { template: true, props: true } });
    expect(emails).toEqual([{ template: "invoice-payment-refunded", props: expect.objectContaining({ refundedCents: 10_000, amountDueCents: 12_200, regime: "ORDINARY" }) }]);

    // The janitor finds it done and changes nothing.
    advanceClock(5 * 60_000);
    await reconcileAttempts(Date.now() + 5 * 60_000);
    expect(await refundsOf(chargeId)).toBe(1);
    expect(await db.auditLog.count({ where: { action: "invoice.payment.refunded", entityId: invoice.id } })).toBe(1);
    await expect(openVatBalance({ staff: admin, input: { invoicePaymentId: payment.id } })).rejects.toMatchObject({ code: "already_settled" });
  });

  it("a crash after the decision, or between the bank and the record, is finished by the janitor without a second refund", async () => {
    // Died before calling the bank: the janitor does it all.
    const a = await paidInvoice({ regime: "SPLIT_PAYMENT" });
    await requestRefund({ staff: admin, input: { invoicePaymentId: a.payment.id } });
    expect(await refundsOf(a.chargeId)).toBe(0);
    // Died after the bank answered: the record is missing, the refund is not.
    const b = await paidInvoice({ regime: "SPLIT_PAYMENT" });
    await requestRefund({ staff: admin, input: { invoicePaymentId: b.payment.id } });
    const { refundKey } = await db.attempt.findUniqueOrThrow({ where: { id: b.payment.id }, select: { refundKey: true } });
    await getGateway().refund({ chargeId: b.chargeId, amountCents: b.payment.amountCents, idempotencyKey: refundKey! });

    advanceClock(2 * 60_000);
    await reconcileAttempts(Date.now() + 2 * 60_000);
    for (const x of [a, b]) {
      expect(await refundsOf(x.chargeId)).toBe(1);
      expect(await db.attempt.findUniqueOrThrow({ where: { id: x.payment.id }, select: { refundedCents: true } })).toEqual({ refundedCents: 10_000 });
      expect(await db.email.count({ where: { to: x.payment.receiptEmail, template: "invoice-payment-refunded" } })).toBe(1);
    }
    // Running it again (a second worker, a replayed run) is harmless.
    expect(await runOwedRefund(b.payment.id)).toBe("nothing_owed");
    expect(await refundsOf(b.chargeId)).toBe(1);
  });

  it("never refunds a payment whose refund was not decided", async () => {
    const { payment, chargeId } = await paidInvoice({ regime: "SPLIT_PAYMENT" });
    expect(await runOwedRefund(payment.id)).toBe("nothing_owed");
    expect(await refundsOf(chargeId)).toBe(0);
  });
});

describe("settlements that do not apply", () => {
  it("are refused with the reason, and change nothing at the bank or in the invoice", async () => {
    const rightRegime = await paidInvoice({ regime: "ORDINARY" });
    const failed = await paidInvoice({ regime: "SPLIT_PAYMENT", status: "FAILED" });
    const overpaid = await paidInvoice({ split: true, regime: "ORDINARY" });
    const cases = [
      [openVatBalance, admin, rightRegime, "not_regime_mistake"],
      [refundInvoicePayment, admin, rightRegime, "not_regime_mistake"],
      [openVatBalance, admin, failed, "payment_not_succeeded"],
      [refundInvoicePayment, admin, failed, "payment_not_succeeded"],
      [openVatBalance, admin, overpaid, "vat_not_owed"],
      [refundInvoicePayment, supporto, overpaid, "not_allowed"],
      [openVatBalance, supporto, rightRegime, "not_allowed"],
    ] as const;
    for (const [action, staff, paid, code] of cases) {
      const before = await invoiceState(paid.invoice.id);
      await expect(action({ staff, input: { invoicePaymentId: paid.payment.id } })).rejects.toMatchObject({ code });
      expect(await invoiceState(paid.invoice.id)).toEqual(before);
      expect(await refundsOf(paid.chargeId)).toBe(0);
    }
    await expect(refundInvoicePayment({ staff: admin, input: { invoicePaymentId: "not-a-uuid" } })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(refundInvoicePayment({ staff: admin, input: null })).rejects.toMatchObject({ code: "invalid_input" });
    // The overpaid split-payment invoice can be refunded, and is then due in its own regime (the net).
    await refundInvoicePayment({ staff: admin, input: { invoicePaymentId: overpaid.payment.id } });
    expect(amountDue(await invoiceState(overpaid.invoice.id), "SPLIT_PAYMENT")).toBe(10_000);
    expect(await refundsOf(overpaid.chargeId)).toBe(1);
  });
});
