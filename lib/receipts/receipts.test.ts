import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listMailbox, listMailboxAttachments, getMailboxAttachment } from "@/lib/email";
import { createEmailSendHandler } from "@/lib/email/send-job";
import { EmailProviderError, localTransport } from "@/lib/email/transport";
import { paidInvoice, type PaidInvoiceOptions, seedCatalogue } from "@/lib/invoice-payments/test-helpers";
import { registerJobHandler, runDueJobs } from "@/lib/jobs";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { getOwnedReceiptPdf } from "./download";
import { queueReceipt } from "./queue";
import { sendReceiptJob } from "./send-job";

const db = getDb();
const T0 = new Date("2026-03-12T13:30:00Z"); // 14:30 in Rome
const address = (tag: string) => `${tag}.${Math.random().toString(36).slice(2)}@example.it`;

async function pdfText(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  // Lines wrap where the page ends: compare the text as one line.
  return text.replace(/\s+/g, " ");
}

/** Runs jobs until none is due (the receipt job queues the e-mail job). */
async function drainJobs() {
  for (let i = 0; i < 5 && (await runDueJobs({ workerId: "w" })).claimed > 0; i++);
}

/** An invoice paid on Paga fattura, with the quietanza its success queued. */
async function payInvoiceForTest(opts: PaidInvoiceOptions) {
  const paid = await paidInvoice(opts);
  if (!paid.receipt) throw new Error(`no quietanza queued for ${paid.payment.id}`);
  return { ...paid, receipt: paid.receipt };
}

async function attachmentsFor(to: string) {
  const messages = await listMailbox({ to });
  return Promise.all(messages.map(async (m) => ({ message: m, files: await listMailboxAttachments(m.emailId) })));
}

beforeAll(async () => {
  await seedCatalogue();
});
beforeEach(() => {
  setClock(T0);
  registerDefaultJobHandlers();
  registerJobHandler("email.send", createEmailSendHandler({ transport: localTransport }));
});
afterEach(() => resetClock());

describe("receipts.send", () => {
  it("makes the PDF once and e-mails it, attached, to the address given", async () => {
    const to = address("pagatore");
    const paid = await payInvoiceForTest({ receiptEmail: to });
    await drainJobs();

    const [mail, ...others] = await attachmentsFor(to);
    expect(others).toEqual([]);
    expect(mail.message.subject).toBe(`Quietanza di pagamento ${paid.receipt.number} – fattura ${paid.invoice.number}`);
    expect(mail.message.text).toContain("Gentile Ente Pagatore QA");
    expect(mail.files).toMatchObject([{ filename: `Quietanza-${paid.receipt.number}.pdf`, contentType: "application/pdf" }]);

    const file = await getMailboxAttachment(mail.files[0].id);
    const stored = await db.receipt.findUniqueOrThrow({ where: { id: paid.receipt.id } });
    expect(stored.generatedAt).toEqual(T0);
    expect(Buffer.from(file!.content).equals(Buffer.from(stored.pdf!))).toBe(true);

    const text = await pdfText(file!.content);
    for (const expected of [
      "Quietanza di pagamento", paid.receipt.number, "12/03/2026 14:30 (ora italiana)", "Ente Pagatore QA", "01234567890",
      `${paid.invoice.number} del 10/02/2026`, paid.customer.customerCode, "122,00 €", "Ordinario", "Carta Visa •••• 4242", paid.chargeId, "Pagamento ricevuto da Area Clienti",
    ]) expect(text).toContain(expected);
    expect(text).not.toContain("17-ter");
    expect(await db.auditLog.count({ where: { entityId: paid.receipt.id, action: "receipt.sent" } })).toBe(1);
  });

  it("states the split payment: the net paid, the VAT paid by the body to the Treasury", async () => {
    const to = address("ente");
    const paid = await payInvoiceForTest({ receiptEmail: to, split: true, netCents: 25_000 });
    await drainJobs();
    const [mail] = await attachmentsFor(to);
    const text = await pdfText((await getMailboxAttachment(mail.files[0].id))!.content);
    expect(text).toContain("250,00 €");
    expect(text).toContain("Split Payment");
    expect(text).toMatch(/art\. 17-ter DPR 633\/72\): l'IVA della fattura, pari a 55,00 €, non è compresa nell'importo pagato ed è versata dall'ente direttamente all'Erario/);
    expect(paid.payment.amountCents).toBe(25_000);
  });

  it("writes the e-mail in the customer's language (the PDF stays Italian)", async () => {
    const to = address("en");
    await payInvoiceForTest({ receiptEmail: to, locale: "en" });
    await drainJobs();
    const [mail] = await attachmentsFor(to);
    expect(mail.message.subject).toMatch(/^Payment receipt QT-2026-\d{6} – invoice FT-2026-\d{6}$/);
  });

  it("a resend sends the same PDF to another address", async () => {
    const first = address("sbagliato");
    const corrected = address("corretto");
    const paid = await payInvoiceForTest({ receiptEmail: first });
    await drainJobs();
    advanceClock(3_600_000);
    await db.$transaction((tx) => queueReceipt(tx, { invoicePaymentId: paid.payment.id, to: corrected, resend: true }));
    await drainJobs();

    const [original] = await attachmentsFor(first);
    const [resent, ...more] = await attachmentsFor(corrected);
    expect(more).toEqual([]);
    expect(resent.message.text).toContain("ti inviamo di nuovo la quietanza");
    const a = (await getMailboxAttachment(original.files[0].id))!.content;
    const b = (await getMailboxAttachment(resent.files[0].id))!.content;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await db.receipt.findUniqueOrThrow({ where: { id: paid.receipt.id } })).generatedAt).toEqual(T0);
    expect(await db.auditLog.count({ where: { entityId: paid.receipt.id, action: "receipt.resent" } })).toBe(1);
  });

  it("running the job again (a retry after a crash, a second worker) sends once", async () => {
    const to = address("doppio");
    const paid = await payInvoiceForTest({ receiptEmail: to });
    const job = await db.job.findFirstOrThrow({ where: { type: "receipts.send", uniqueKey: `receipts.send:${paid.receipt.id}:first` } });
    const ctx = { jobId: job.id, attempt: 1, maxAttempts: 8, workerId: "w", now: T0 };
    await Promise.all([sendReceiptJob(job.payload as never, ctx), sendReceiptJob(job.payload as never, ctx)]);
    await sendReceiptJob(job.payload as never, { ...ctx, attempt: 2 });
    await drainJobs();
    // And the payment's own receipt is queued once however often the success is recorded.
    await db.$transaction((tx) => queueReceipt(tx, { invoicePaymentId: paid.payment.id, to }));
    await drainJobs();

    expect(await db.email.count({ where: { to } })).toBe(1);
    expect(await db.mailboxMessage.count({ where: { to } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: paid.receipt.id, action: "receipt.sent" } })).toBe(1);
  });

  it("waits and retries while the e-mail provider fails, then delivers the PDF once", async () => {
    let calls = 0;
    registerJobHandler("email.send", createEmailSendHandler({
      transport: { name: "down", send: async (mail, record) => (++calls <= 2 ? Promise.reject(new EmailProviderError("down")) : localTransport.send(mail, record)) },
    }));
    const to = address("attesa");
    await payInvoiceForTest({ receiptEmail: to });
    await drainJobs();
    expect(await db.mailboxMessage.count({ where: { to } })).toBe(0);
    expect(await db.email.findFirstOrThrow({ where: { to } })).toMatchObject({ status: "QUEUED" });
    for (let i = 0; i < 3; i++) {
      advanceClock(3_600_000);
      await drainJobs();
    }
    const [mail, ...more] = await attachmentsFor(to);
    expect(more).toEqual([]);
    expect(mail.files).toHaveLength(1);
    expect(calls).toBe(3);
  });
});

describe("the owner's download", () => {
  it("gives the stored quietanza to the invoice's customer only", async () => {
    const paid = await payInvoiceForTest({ receiptEmail: address("proprietario") });
    const owner = { customerId: paid.customer.customerId, username: paid.customer.username };
    const ids = { invoiceId: paid.invoice.id, receiptId: paid.receipt.id };

    // Before the job ran: made on demand, and the job then sends that same PDF.
    const file = await getOwnedReceiptPdf({ viewer: owner, ...ids });
    expect(file?.filename).toBe(`Quietanza-${paid.receipt.number}.pdf`);
    await drainJobs();
    const stored = await db.receipt.findUniqueOrThrow({ where: { id: paid.receipt.id } });
    expect(Buffer.from(file!.pdf).equals(Buffer.from(stored.pdf!))).toBe(true);

    const other = await payInvoiceForTest({ receiptEmail: address("altro") });
    expect(await getOwnedReceiptPdf({ viewer: { customerId: other.customer.customerId, username: "x" }, ...ids })).toBeNull();
    expect(await getOwnedReceiptPdf({ viewer: owner, invoiceId: other.invoice.id, receiptId: paid.receipt.id })).toBeNull();
    expect(await getOwnedReceiptPdf({ viewer: { ...owner, pecServiceId: paid.customer.pecServiceId }, ...ids })).toBeNull();
    expect(await getOwnedReceiptPdf({ viewer: owner, invoiceId: "not-a-uuid", receiptId: paid.receipt.id })).toBeNull();
  });
});
