import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { getMailboxAttachment, listMailbox, listMailboxAttachments } from "@/lib/email";
import { createEmailSendHandler } from "@/lib/email/send-job";
import { localTransport } from "@/lib/email/transport";
import { paidInvoice, seedCatalogue } from "@/lib/invoice-payments/test-helpers";
import { registerJobHandler, runDueJobs } from "@/lib/jobs";
import { registerDefaultJobHandlers } from "@/lib/jobs/handlers";
import { startOrderPayment } from "@/lib/payments/start-payment";
import { PaymentsListError } from "./errors";
import { PAYMENTS_LIST_LIMITS } from "./rate-limit";
import { requestPaymentsList } from "./request";
import { sendPaymentsListJob } from "./send-job";

const db = getDb();
const T0 = new Date("2026-03-12T13:30:00Z");
let ipSeq = 0;
const freshIp = () => `198.51.100.${++ipSeq}`;

async function drainJobs() {
  for (let i = 0; i < 5 && (await runDueJobs({ workerId: "w" })).claimed > 0; i++);
}

/** A customer with a saved card who paid an order in the area and an invoice on Paga fattura. */
async function customerWithPayments() {
  const c = await createTestCustomer({ kind: "saved-card" });
  const { renewalCardId } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { renewalCardId: true } });
  await startOrderPayment({ viewer: { customerId: c.customerId, username: c.username }, orderId: c.order.id, card: { kind: "saved", cardId: renewalCardId! }, ceilingConsent: false });
  const paid = await paidInvoice({ receiptEmail: "pagatore@example.it", customer: c });
  await drainJobs();
  const { fiscalCode } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { fiscalCode: true } });
  return { c, paid, fiscalCode: fiscalCode! };
}

async function listsSentTo(to: string) {
  const messages = (await listMailbox({ to })).filter((m) => m.subject === "Lista Pagamenti richiesta");
  return Promise.all(messages.map(async (m) => {
    const [file] = await listMailboxAttachments(m.emailId);
    return { message: m, file, csv: Buffer.from((await getMailboxAttachment(file.id))!.content).toString("utf8") };
  }));
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

describe("Lista Pagamenti", () => {
  it("sends the period's payments as CSV to the address registered when the job runs", async () => {
    const { c, paid, fiscalCode } = await customerWithPayments();
    const ip = freshIp();
    await requestPaymentsList({ input: { customerCode: c.customerCode.toLowerCase(), taxId: ` ${fiscalCode.toLowerCase()} `, from: "2026-03-01", to: "2026-03-12" }, ip });
    // The customer changed their address after asking: the list goes to the new one.
    await db.customer.update({ where: { id: c.customerId }, data: { email: `nuovo.${c.email}` } });
    await drainJobs();

    expect(await listsSentTo(c.email)).toEqual([]);
    const [list, ...more] = await listsSentTo(`nuovo.${c.email}`);
    expect(more).toEqual([]);
    expect(list.file).toMatchObject({ filename: `Lista-Pagamenti-${c.customerCode}-2026-03-01-2026-03-12.csv`, contentType: "text/csv; charset=utf-8" });
    expect(list.message.text).toContain("Il file CSV allegato contiene 2 pagamenti.");
    const [header, ...lines] = list.csv.split("\r\n").filter(Boolean);
    expect(header).toBe("\ufeffData pagamento;Tipo;Numero fattura;Numero ordine;Importo (EUR);Regime IVA;Metodo di pagamento;ID transazione;Numero quietanza;Rimborsato (EUR)");
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(`12/03/2026 14:30;Paga fattura;${paid.invoice.number};;122,00;Ordinario;Carta Visa •••• 4242;${paid.chargeId};${paid.receipt?.number};`);
    expect(lines.find((l) => l.includes(c.order.number))).toMatch(new RegExp(`^12/03/2026 14:30;Ordine;FT-2026-\\d{6};${c.order.number};10,98;;Carta Visa •••• 4242;[^;]+;;$`));

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "payments-list.requested", ip } });
    expect(audit).toMatchObject({ entity: "Customer", entityId: c.customerId, actor: "anonymous", data: { customerCode: c.customerCode, matched: true, from: "2026-03-01", to: "2026-03-12" } });
    expect(await db.auditLog.count({ where: { action: "payments-list.sent", entityId: c.customerId } })).toBe(1);
  });

  it("matches the partita IVA with or without IT, and leaves out payments outside the period", async () => {
    const { c } = await customerWithPayments();
    await db.customer.update({ where: { id: c.customerId }, data: { vatNumber: "IT01234567890" } });
    await requestPaymentsList({ input: { customerCode: c.customerCode, taxId: "01234567890", from: "2026-01-01", to: "2026-03-11" }, ip: freshIp() });
    await drainJobs();
    const [list] = await listsSentTo(c.email);
    expect(list.message.text).toContain("Nel periodo non risultano pagamenti");
    expect(list.csv.split("\r\n").filter(Boolean)).toHaveLength(1);
  });

  it("does nothing but audit when the data don't match, and says nothing about it", async () => {
    const { c } = await customerWithPayments();
    const ip = freshIp();
    await expect(requestPaymentsList({ input: { customerCode: c.customerCode, taxId: "RSSMRA80A01H501U", from: "2026-03-01", to: "2026-03-12" }, ip })).resolves.toBeUndefined();
    await drainJobs();
    expect(await listsSentTo(c.email)).toEqual([]);
    expect(await db.job.count({ where: { type: "payments-list.send", payload: { path: ["customerId"], equals: c.customerId } } })).toBe(0);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "payments-list.requested", ip } })).toMatchObject({ entityId: null, data: { matched: false } });
  });

  it("refuses bad input before anything is counted or written", async () => {
    const ip = freshIp();
    await expect(requestPaymentsList({ input: { customerCode: "C000123", taxId: "X", from: "2026-03-12", to: "2026-03-01" }, ip })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(requestPaymentsList({ input: "nonsense", ip })).rejects.toBeInstanceOf(PaymentsListError);
    expect(await db.auditLog.count({ where: { ip } })).toBe(0);
  });

  it("limits requests per customer code and per address, alike for codes that exist and codes that don't", async () => {
    const { c, fiscalCode } = await customerWithPayments();
    const period = { from: "2026-03-01", to: "2026-03-12" };
    for (const code of [c.customerCode, "C999999"]) {
      const outcomes = [];
      for (let i = 0; i <= PAYMENTS_LIST_LIMITS.customerCode.points; i++) {
        outcomes.push(await requestPaymentsList({ input: { customerCode: code, taxId: fiscalCode, ...period }, ip: freshIp() }).then(() => "ok", (e: PaymentsListError) => e.code));
      }
      expect(outcomes).toEqual([...Array(PAYMENTS_LIST_LIMITS.customerCode.points).fill("ok"), "rate_limited"]);
    }
    const ip = freshIp();
    const byIp = [];
    for (let i = 0; i <= PAYMENTS_LIST_LIMITS.ip.points; i++) {
      byIp.push(await requestPaymentsList({ input: { customerCode: `C8${i}`, taxId: "X", ...period }, ip }).then(() => "ok", (e: PaymentsListError) => e.code));
    }
    expect(byIp.at(-1)).toBe("rate_limited");
    expect(byIp.filter((o) => o === "ok")).toHaveLength(PAYMENTS_LIST_LIMITS.ip.points);
  });

  it("one job sends one e-mail, even when it runs again", async () => {
    const { c, fiscalCode } = await customerWithPayments();
    await requestPaymentsList({ input: { customerCode: c.customerCode, taxId: fiscalCode, from: "2026-03-01", to: "2026-03-12" }, ip: freshIp() });
    // A double submit in the same minute is one job.
    await requestPaymentsList({ input: { customerCode: c.customerCode, taxId: fiscalCode, from: "2026-03-01", to: "2026-03-12" }, ip: freshIp() });
    const job = await db.job.findFirstOrThrow({ where: { type: "payments-list.send", payload: { path: ["customerId"], equals: c.customerId } } });
    const ctx = { jobId: job.id, attempt: 1, maxAttempts: 8, workerId: "w", now: T0 };
    await sendPaymentsListJob(job.payload as never, ctx);
    await sendPaymentsListJob(job.payload as never, { ...ctx, attempt: 2 });
    await drainJobs();
    expect(await listsSentTo(c.email)).toHaveLength(1);
    advanceClock(120_000);
    await requestPaymentsList({ input: { customerCode: c.customerCode, taxId: fiscalCode, from: "2026-03-01", to: "2026-03-12" }, ip: freshIp() });
    await drainJobs();
    expect(await listsSentTo(c.email)).toHaveLength(2);
  });
});
