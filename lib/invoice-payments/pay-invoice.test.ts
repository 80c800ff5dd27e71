import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { InvoicePaymentError } from "./errors";
import { prepareInvoicePayment } from "./lookup";
import { lookupLimits } from "./rate-limit";
import { bankCharges, CARDS, freshIp, payInvoice, stepOne, unpaidInvoice } from "./test-helpers";

const db = getDb();

beforeAll(() => seedDemoData(db));
beforeEach(() => resetClock());

/** The error code step one refuses with (or "ok"). */
async function lookup(input: object, ip = freshIp()) {
  try {
    await prepareInvoicePayment({ input, ip });
    return "ok";
  } catch (error) {
    if (error instanceof InvoicePaymentError) return error.code;
    throw error;
  }
}

describe("step one: the data must match an invoice to pay", () => {
  it("ordinary regime: the total, typed with a comma or a dot, number and code in any case", async () => {
    const inv = await unpaidInvoice();
    expect(await lookup(stepOne(inv, { amount: "122,00" }))).toBe("ok");
    expect(await lookup(stepOne(inv, { amount: "122.00", invoiceNumber: ` ${inv.number.toLowerCase()} `, customerCode: inv.customerCode.toLowerCase() }))).toBe("ok");
    expect(await lookup(stepOne(inv, { amount: "100,00" }))).toBe("no_match");
    expect(await lookup(stepOne(inv, { amount: "122,00", regime: "SPLIT_PAYMENT" }))).toBe("no_match");
  });

  it("split payment: the net; the total only in the ordinary regime", async () => {
    const inv = await unpaidInvoice("split");
    expect(await lookup(stepOne(inv, { amount: "250,00", regime: "SPLIT_PAYMENT" }))).toBe("ok");
    expect(await lookup(stepOne(inv, { amount: "305,00", regime: "SPLIT_PAYMENT" }))).toBe("no_match");
    expect(await lookup(stepOne(inv, { amount: "305,00", regime: "ORDINARY" }))).toBe("ok");
  });

  it("a wrong amount, code or number gets one answer and creates nothing", async () => {
    const inv = await unpaidInvoice();
    const other = await unpaidInvoice();
    for (const wrong of [{ amount: "121,99" }, { customerCode: other.customerCode }, { invoiceNumber: "FT-1999-000001" }]) {
      expect(await lookup(stepOne(inv, wrong))).toBe("no_match");
    }
    expect(await lookup(stepOne(inv, { payerTaxId: "RSSMRA80A01H501X" }))).toBe("invalid_input");
    expect(await db.invoicePayment.count({ where: { invoiceId: inv.id } })).toBe(0);
  });
});

describe("paying", () => {
  it("pays the total, marks the invoice paid, audits and queues the quietanza; a second payment is refused", async () => {
    const inv = await unpaidInvoice();
    const { invoicePaymentId, view } = await payInvoice(stepOne(inv, { receiptEmail: "Quietanze@Example.it" }));
    expect(view).toEqual({ status: "SUCCEEDED" });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ status: "PAID", balanceCents: 0, paidAt: expect.any(Date) });
    const p = await db.attempt.findUniqueOrThrow({ where: { id: invoicePaymentId }, include: { invoicePayment: true } });
    expect(p).toMatchObject({ status: "SUCCEEDED", amountCents: 12200, invoicePayment: { regime: "ORDINARY" }, settledKey: `invoice:${inv.id}:1`, activeKey: null, cardBrand: "Visa", cardLast4: "4242" });
    const receipt = await db.receipt.findUniqueOrThrow({ where: { invoicePaymentId } });
    expect(await db.job.count({ where: { type: "receipts.send", payload: { equals: { receiptId: receipt.id, to: "quietanze@example.it" } } } })).toBe(1);
    expect(await db.auditLog.findMany({ where: { entity: "invoice", entityId: inv.id }, select: { action: true }, orderBy: { action: "asc" } })).toEqual([
      { action: "invoice.payment.started" },
      { action: "invoice.payment.succeeded" },
    ]);
    // The FAQ: after a dropped connection the same data are recognised, and refused.
    expect(await lookup(stepOne(inv))).toBe("already_paid");
    expect(await lookup(stepOne(inv, { amount: "100,00" }))).toBe("no_match");
    expect(await bankCharges(inv.id)).toBe(1);
  });

  it("split payment with 3-D Secure pays the net", async () => {
    const inv = await unpaidInvoice("split");
    const { view } = await payInvoice(stepOne(inv, { amount: "250,00", regime: "SPLIT_PAYMENT" }), CARDS.threeDs, "123456");
    expect(view.status).toBe("SUCCEEDED");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("PAID");
    expect(await lookup(stepOne(inv, { amount: "250,00", regime: "SPLIT_PAYMENT" }))).toBe("already_paid");
  });

  it("declined, then paid by starting again from step one", async () => {
    const inv = await unpaidInvoice();
    const declined = await payInvoice(stepOne(inv), CARDS.declined);
    expect(declined.view.status).toBe("FAILED");
    expect(await db.attempt.findUniqueOrThrow({ where: { id: declined.invoicePaymentId } })).toMatchObject({ failureReason: "declined", activeKey: null });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("UNPAID");
    const paid = await payInvoice(stepOne(inv));
    expect(paid.view.status).toBe("SUCCEEDED");
    expect(await bankCharges(inv.id)).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: inv.id, action: "invoice.payment.failed" } })).toBe(1);
  });

  it("after Amministrazione opens the VAT balance, exactly the balance is accepted, in the ordinary regime, and the invoice ends paid", async () => {
    const inv = await unpaidInvoice("split");
    await payInvoice(stepOne(inv, { amount: "250,00", regime: "SPLIT_PAYMENT" }));
    // The net was paid in split payment by mistake: Amministrazione asks for the VAT.
    await db.invoice.update({ where: { id: inv.id }, data: { status: "PARTIALLY_PAID", balanceCents: 5500, balanceSeq: { increment: 1 }, paidAt: null } });
    expect(await lookup(stepOne(inv, { amount: "250,00", regime: "SPLIT_PAYMENT" }))).toBe("already_paid");
    expect(await lookup(stepOne(inv, { amount: "55,00", regime: "SPLIT_PAYMENT" }))).toBe("no_match");
    expect(await lookup(stepOne(inv, { amount: "305,00" }))).toBe("no_match");
    const balance = await payInvoice(stepOne(inv, { amount: "55,00" }));
    expect(balance.view.status).toBe("SUCCEEDED");
    expect(await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({ status: "PAID", balanceCents: 0 });
    expect(await db.attempt.findMany({ where: { invoicePayment: { invoiceId: inv.id }, status: "SUCCEEDED" }, select: { amountCents: true, settledKey: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { amountCents: 25000, settledKey: `invoice:${inv.id}:1` },
      { amountCents: 5500, settledKey: `invoice:${inv.id}:2` },
    ]);
    expect(await lookup(stepOne(inv, { amount: "55,00" }))).toBe("already_paid");
  });
});

describe("rate limits", () => {
  it("too many mismatches from one address: refused with a wait, even with the right data, and nothing is created", async () => {
    const inv = await unpaidInvoice();
    const ip = freshIp();
    for (let i = 0; i < lookupLimits.failuresPerAddress.points; i++) {
      expect(await lookup(stepOne({ number: `FT-2000-${String(i).padStart(6, "0")}`, customerCode: "X" }), ip)).toBe("no_match");
    }
    const refused = await prepareInvoicePayment({ input: stepOne(inv), ip }).catch((e: InvoicePaymentError) => e);
    expect(refused).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: expect.any(Number) } });
    expect((refused as InvoicePaymentError).details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.invoicePayment.count({ where: { invoiceId: inv.id } })).toBe(0);
    expect(await lookup(stepOne(inv))).toBe("ok"); // another address is not affected
  });

  it("too many mismatches on one invoice number, from any address: that number is held for a while", async () => {
    const inv = await unpaidInvoice();
    for (let i = 0; i < lookupLimits.failuresPerInvoice.points; i++) expect(await lookup(stepOne(inv, { amount: `${i + 1},00` }))).toBe("no_match");
    expect(await lookup(stepOne(inv))).toBe("rate_limited");
  });
});
