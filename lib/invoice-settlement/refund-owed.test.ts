import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, now, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { prepareInvoicePayment } from "@/lib/invoice-payments/lookup";
import { freshIp, paidInvoice, stepOne } from "@/lib/invoice-payments/test-helpers";
import { runDueJobs } from "@/lib/jobs";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { reconcileAttempts } from "@/lib/attempts";
import { getOwnedReceiptPdf } from "@/lib/receipts/download";
import { interceptGateway } from "@/tests/gateway-faults";
import { listStuckRefunds } from "./queries";
import { refundInvoicePayment } from "./refund";
import { resendReceipt } from "./resend-receipt";
import { demoStaff } from "./test-helpers";

const db = getDb();
let admin: Awaited<ReturnType<typeof demoStaff>>;

beforeAll(async () => {
  await seedDemoData(db);
  registerDefaultJobHandlers();
  admin = await demoStaff("admin");
});
afterEach(() => resetClock());

const reconcile = () => reconcileAttempts(now().getTime());
const refundsOf = (chargeId: string) => db.gwRefund.count({ where: { chargeId } });

async function pdfText(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("issue 11, defect 6: an owed refund is never abandoned", () => {
  it("while the bank refuses refunds for a day, the refund stays owed and shown as stuck, the invoice can't be paid again, then it goes through once", async () => {
    setClock(new Date());
    const { customer, invoice, payment, chargeId } = await paidInvoice({ split: true, regime: "ORDINARY" });
    let bankDown = true;
    interceptGateway((bank) => ({
      refund: (input) => (bankDown ? Promise.reject(new Error("refund service unavailable")) : bank.refund(input)),
    }));
    expect(await refundInvoicePayment({ staff: admin, input: { invoicePaymentId: payment.id } })).toEqual({ status: "pending" });

    // A day of retries, every job and every janitor run that is due.
    for (let hour = 0; hour < 24; hour++) {
      advanceClock(60 * 60_000);
      await runDueJobs({ workerId: "test", limit: 50 });
      await reconcile();
    }
    expect(await refundsOf(chargeId)).toBe(0);
    // Meanwhile the same balance can't be collected a second time.
    await expect(prepareInvoicePayment({ input: stepOne({ number: invoice.number, customerCode: customer.customerCode }, { regime: "SPLIT_PAYMENT", amount: "100,00" }), ip: freshIp() }))
      .rejects.toMatchObject({ code: "refund_pending" });
    expect((await listStuckRefunds()).map((r) => r.id)).toContain(payment.id);

    bankDown = false;
    advanceClock(6 * 60 * 60_000);
    await reconcile();
    await reconcile();
    expect(await refundsOf(chargeId)).toBe(1);
    expect((await listStuckRefunds()).map((r) => r.id)).not.toContain(payment.id);
    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { status: true } })).toEqual({ status: "UNPAID" });
  });
});

describe("issue 11, defect 7: a refunded payment's quietanza says it was refunded", () => {
  it("the owner's download is marked refunded and Amministrazione can't resend it as if paid", async () => {
    const { customer, invoice, payment, receipt } = await paidInvoice({ split: true, regime: "ORDINARY" });
    expect(await refundInvoicePayment({ staff: admin, input: { invoicePaymentId: payment.id } })).toEqual({ status: "refunded" });

    const file = await getOwnedReceiptPdf({ viewer: { customerId: customer.customerId, username: customer.username }, invoiceId: invoice.id, receiptId: receipt!.id });
    const text = await pdfText(file!.pdf);
    expect(text).toContain("PAGAMENTO RIMBORSATO");
    await expect(resendReceipt({ staff: admin, input: { invoicePaymentId: payment.id, to: "corretto@example.it" } })).rejects.toMatchObject({ code: "payment_refunded" });
  });
});
