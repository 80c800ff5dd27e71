import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { getInvoiceDetail, listInvoices } from "./queries";

const db = getDb();
const mario = { customerId: demoIds.mario, username: "mario.rossi" };

beforeAll(async () => {
  await seedDemoData(db);
});

describe("the area's invoice queries", () => {
  it("list the customer's own invoices, newest first, and nothing to a PEC-mailbox login", async () => {
    expect((await listInvoices(mario)).map((i) => [i.number, i.status])).toEqual([["FT-2026-000101", "UNPAID"], ["FT-2026-000045", "PAID"]]);
    expect(await listInvoices({ ...mario, pecServiceId: demoIds.marioPec })).toEqual([]);
  });

  it("show the successful Paga fattura payments of an invoice with their quietanza", async () => {
    const c = await createTestCustomer({ kind: "public-body", invoices: true });
    const viewer = { customerId: c.customerId, username: c.username };
    const invoice = c.invoices[0];
    const base = { invoice: { connect: { id: invoice.id } }, balanceSeq: 1, regime: "SPLIT_PAYMENT" as const, payerName: "Ente QA", payerTaxId: c.fiscalCode, receiptEmail: c.email };
    const attempt = { purpose: "INVOICE" as const, amountCents: invoice.netCents };
    await db.invoicePayment.create({ data: { ...base, attempt: { create: { ...attempt, idempotencyKey: `${invoice.id}:failed`, status: "FAILED" as const, failureReason: "declined" } } } });
    const ok = await db.invoicePayment.create({
      data: { ...base, attempt: { create: { ...attempt, idempotencyKey: `${invoice.id}:ok`, status: "SUCCEEDED" as const, cardBrand: "Visa", cardLast4: "4242", settledAt: new Date(), settledKey: `invoice:${invoice.id}:1` } },
        receipt: { create: { number: `QT-TEST-${invoice.number.slice(-6)}` } } },
      select: { id: true, receipt: { select: { id: true } } },
    });
    const detail = await getInvoiceDetail(viewer, invoice.id);
    expect(detail?.payments).toEqual([expect.objectContaining({ id: ok.id, amountCents: 25000, regime: "SPLIT_PAYMENT", cardLast4: "4242", receipt: { id: ok.receipt!.id, number: expect.any(String) } })]);
    expect(detail?.lines).toHaveLength(1);
    expect(await getInvoiceDetail(mario, invoice.id)).toBeNull();
  });
});
