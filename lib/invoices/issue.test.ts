import { beforeAll, describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { settleSuccess } from "@/lib/attempts";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { runRenewals } from "@/lib/renewals/engine";
import { issueInvoiceForOrder } from "./issue";

const db = getDb();
const invoiceOf = (orderId: string) => db.invoice.findMany({ where: { orderId }, include: { lines: true } });

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
});

describe("demo and test invoices", () => {
  it("seeds the demo invoices once, with the amounts QA relies on", async () => {
    await seedDemoData(db);
    const rows = await db.invoice.findMany({ where: { customerId: { in: [demoIds.mario, demoIds.anna] } }, orderBy: { number: "asc" }, select: { number: true, customerId: true, status: true, splitPayment: true, netCents: true, vatCents: true, totalCents: true, paidAt: true } });
    expect(rows.map(({ paidAt, ...r }) => ({ ...r, paid: paidAt !== null }))).toEqual([
      { number: "FT-2026-000045", customerId: demoIds.mario, status: "PAID", splitPayment: false, netCents: 2490, vatCents: 548, totalCents: 3038, paid: true },
      { number: "FT-2026-000046", customerId: demoIds.anna, status: "PAID", splitPayment: true, netCents: 6000, vatCents: 1320, totalCents: 7320, paid: true },
      { number: "FT-2026-000101", customerId: demoIds.mario, status: "UNPAID", splitPayment: false, netCents: 10000, vatCents: 2200, totalCents: 12200, paid: false },
      { number: "FT-2026-000102", customerId: demoIds.anna, status: "UNPAID", splitPayment: true, netCents: 25000, vatCents: 5500, totalCents: 30500, paid: false },
    ]);
  });

  it("gives a test customer an unpaid and a paid invoice on request, numbered in sequence", async () => {
    const person = await createTestCustomer({ invoices: true });
    expect(person.fiscalCode).toMatch(/^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]$/);
    expect(person.invoices).toMatchObject([
      { status: "UNPAID", splitPayment: false, netCents: 10000, vatCents: 2200, totalCents: 12200 },
      { status: "PAID", splitPayment: false },
    ]);
    const body = await createTestCustomer({ kind: "public-body", invoices: true });
    expect(body.fiscalCode).toMatch(/^\d{11}$/);
    expect(body.invoices[0]).toMatchObject({ status: "UNPAID", splitPayment: true, netCents: 25000, vatCents: 5500, totalCents: 30500 });
    const numbers = [...person.invoices, ...body.invoices].map((i) => Number(i.number.slice(-6)));
    expect(numbers).toEqual([numbers[0], numbers[0] + 1, numbers[0] + 2, numbers[0] + 3]);
    expect((await createTestCustomer()).invoices).toEqual([]);
  });
});

describe("the invoice of an order paid in the area", () => {
  it("is issued paid, with the order's lines and amounts, exactly once", async () => {
    const c = await createTestCustomer({ kind: "saved-card" });
    const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
    await startOrderPayment({ viewer: { customerId: c.customerId, username: c.username }, orderId: c.order.id, card: { kind: "saved", cardId: renewalCardId! }, ceilingConsent: false });
    const [invoice, ...others] = await invoiceOf(c.order.id);
    expect(others).toEqual([]);
    const order = await db.order.findUniqueOrThrow({ where: { id: c.order.id }, include: { items: true } });
    expect(invoice).toMatchObject({ customerId: c.customerId, status: "PAID", splitPayment: false, netCents: order.netCents, vatCents: order.vatCents, totalCents: order.totalCents, paidAt: order.paidAt, issuedAt: order.paidAt });
    expect(invoice.number).toMatch(/^FT-\d{4}-\d{6}$/);
    expect(invoice.lines).toMatchObject([{ position: 1, description: order.items[0].description, netCents: order.netCents, totalCents: order.totalCents }]);

    // The settlement again (a late bank notification) and the issuing itself again change nothing.
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: c.order.id, attempt: { status: "SUCCEEDED" } }, include: { card: true, attempt: true } });
    const card = { token: "tok_again", brand: payment.card!.brand, last4: payment.card!.last4, expMonth: 12, expYear: 2030, holder: "QA" };
    await settleSuccess(payment.id, { status: "succeeded", chargeId: payment.attempt.gatewayChargeId!, amountCents: payment.attempt.amountCents, card });
    await db.$transaction((tx) => issueInvoiceForOrder(tx, c.order.id));
    expect((await invoiceOf(c.order.id)).map((i) => i.id)).toEqual([invoice.id]);
  });

  it("is issued for an order the renewal engine paid off-session", async () => {
    const c = await createTestCustomer({ kind: "saved-card", spidExpiresInDays: 5 });
    await runRenewals({ at: now(), customerId: c.customerId });
    const order = await db.order.findFirstOrThrow({ where: { customerId: c.customerId, renewalKey: { not: null } }, select: { id: true, status: true, totalCents: true } });
    expect(order.status).toBe("PAID");
    expect(await invoiceOf(order.id)).toMatchObject([{ status: "PAID", totalCents: order.totalCents }]);
  });

  it("is refused for an order not paid", async () => {
    const c = await createTestCustomer();
    await expect(db.$transaction((tx) => issueInvoiceForOrder(tx, c.order.id))).rejects.toThrow(/not paid/);
    expect(await invoiceOf(c.order.id)).toEqual([]);
  });
});
