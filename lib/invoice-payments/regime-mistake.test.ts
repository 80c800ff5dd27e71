import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { findRegimeMistakesToSettle } from "@/lib/invoice-settlement/queries";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { ensureReceiptPdf } from "@/lib/receipts/pdf";
import { getInvoicePaymentView } from "./queries";
import { payInvoice, seedCatalogue, stepOne, unpaidInvoice } from "./test-helpers";

const db = getDb();

beforeAll(async () => {
  await seedCatalogue();
  registerDefaultJobHandlers();
});

async function pdfText(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("issue 11, defect 3: an ordinary invoice paid in Split Payment by mistake keeps its VAT owed", () => {
  it("stays partially paid with the VAT as balance; the outcome, the quietanza and the back office say so", async () => {
    const invoice = await unpaidInvoice("ordinary"); // 100,00 € + 22,00 € VAT
    const { invoicePaymentId, view } = await payInvoice(stepOne(invoice, { regime: "SPLIT_PAYMENT", amount: "100,00" }));
    expect(view.status).toBe("SUCCEEDED");

    expect(await db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { status: true, balanceCents: true } })).toEqual({ status: "PARTIALLY_PAID", balanceCents: 2200 });
    expect(await getInvoicePaymentView(invoicePaymentId)).toMatchObject({ status: "SUCCEEDED", stillOwedCents: 2200 });

    const receipt = await db.receipt.findUniqueOrThrow({ where: { invoicePaymentId }, select: { id: true } });
    const text = await pdfText((await ensureReceiptPdf(receipt.id))!.pdf);
    expect(text).toContain("Importo ancora da pagare 22,00 €");

    const toSettle = await findRegimeMistakesToSettle();
    expect(toSettle.map((p) => p.id)).toContain(invoicePaymentId);
  });
});
