import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { renderEmail } from "@/lib/email/render";
import { SupportError } from "./errors";
import { MAX_SUPPORT_REQUESTS_PER_HOUR } from "./rate-limit";
import { submitSupportRequest } from "./submit";

const db = getDb();
let ipSeq = 0;
/** A fresh client address per call, so the hourly allowance doesn't interfere. */
const client = () => ({ ip: `198.51.100.${++ipSeq}`, userAgent: "vitest" });

const receiptNotReceived = {
  category: "AMMINISTRAZIONE",
  reason: "RECEIPT_NOT_RECEIVED",
  name: "Luca Verdi",
  email: "Luca.Verdi@example.com",
  customerCode: "",
  invoiceNumber: " FT-2026-0042 ",
  message: "Ho pagato la fattura ma non ho ricevuto la quietanza.",
};

beforeAll(async () => {
  await seedDemoData(db);
});
beforeEach(() => resetClock());

describe("submitting a Richiesta di Assistenza", () => {
  it("stores the request with a number, audits it and queues one acknowledgement e-mail", async () => {
    setClock(new Date("2026-03-10T09:00:00Z"));
    const r = await submitSupportRequest({ input: receiptNotReceived, ...client() });
    expect(r.number).toMatch(/^RA-2026-\d{6}$/);
    const stored = await db.supportRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(stored).toMatchObject({
      number: r.number,
      category: "AMMINISTRAZIONE",
      reason: "RECEIPT_NOT_RECEIVED",
      email: "luca.verdi@example.com",
      customerCode: null,
      invoiceNumber: "FT-2026-0042",
      status: "OPEN",
      customerId: null,
      userAgent: "vitest",
    });
    const emails = await db.email.findMany({ where: { to: "luca.verdi@example.com" }, select: { template: true, props: true, locale: true } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "support-request-received", locale: "it", props: { requestNumber: r.number, category: "AMMINISTRAZIONE", reason: "RECEIPT_NOT_RECEIVED", message: receiptNotReceived.message } });
    expect(await db.auditLog.count({ where: { entity: "SupportRequest", entityId: r.id, action: "support.requested", actor: "anonymous" } })).toBe(1);
  });

  it("writes the acknowledgement with the number, category, reason and a copy of the message, in either language", async () => {
    const props = { name: "Luca", requestNumber: "RA-2026-000007", category: "AMMINISTRAZIONE", reason: "WRONG_EMAIL", message: "Indirizzo <sbagliato>\nseconda riga" };
    const it_ = await renderEmail("support-request-received", props, "it");
    expect(it_.subject).toBe("Richiesta di Assistenza n. RA-2026-000007 ricevuta");
    expect(it_.text).toContain("Destinatario: Amministrazione");
    expect(it_.text).toContain("Motivo: Indirizzo e-mail errato");
    expect(it_.text).toContain("Indirizzo <sbagliato>");
    expect(it_.html).not.toContain("<sbagliato>");
    const en = await renderEmail("support-request-received", { ...props, category: "SUPPORTO_TECNICO", reason: "TECHNICAL_ERROR" }, "en");
    expect(en.subject).toBe("Support request no. RA-2026-000007 received");
    expect(en.text).toContain("Reason: Technical error");
  });

  it("links a logged-in customer's request to them and writes in their language", async () => {
    const c = await createTestCustomer({ kind: "no-card" });
    await db.customer.update({ where: { id: c.customerId }, data: { locale: "en" } });
    const r = await submitSupportRequest({
      input: { ...receiptNotReceived, category: "SUPPORTO_TECNICO", reason: "TECHNICAL_ERROR", email: c.email, customerCode: c.customerCode },
      viewer: { customerId: c.customerId, username: c.username },
      ...client(),
    });
    const stored = await db.supportRequest.findUniqueOrThrow({ where: { id: r.id }, select: { customerId: true, customerCode: true, category: true } });
    expect(stored).toEqual({ customerId: c.customerId, customerCode: c.customerCode, category: "SUPPORTO_TECNICO" });
    expect(await db.email.findMany({ where: { to: c.email.toLowerCase(), template: "support-request-received" }, select: { locale: true } })).toEqual([{ locale: "en" }]);
  });

  it("refuses a reason that doesn't belong to the category, or bad input, and writes nothing", async () => {
    const before = { requests: await db.supportRequest.count(), emails: await db.email.count(), audit: await db.auditLog.count() };
    const bad = [
      { ...receiptNotReceived, category: "SUPPORTO_TECNICO" },
      { ...receiptNotReceived, category: "AMMINISTRAZIONE", reason: "TECHNICAL_ERROR" },
      { ...receiptNotReceived, email: "not-an-address" },
      { ...receiptNotReceived, name: "  ", message: "" },
      { ...receiptNotReceived, category: "STAFF" },
      null,
    ];
    for (const input of bad) {
      await expect(submitSupportRequest({ input, ...client() })).rejects.toMatchObject({ code: "invalid_input" });
    }
    expect({ requests: await db.supportRequest.count(), emails: await db.email.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it("never stores or e-mails a card number typed in the message", async () => {
    const r = await submitSupportRequest({ input: { ...receiptNotReceived, email: "pan@example.com", message: "Ho pagato con la carta 4242 4242 4242 4242 ordine ORD-2026-000101" }, ...client() });
    const stored = await db.supportRequest.findUniqueOrThrow({ where: { id: r.id }, select: { message: true } });
    expect(stored.message).toBe("Ho pagato con la carta [numero di carta rimosso] ordine ORD-2026-000101");
    const email = await db.email.findFirstOrThrow({ where: { to: "pan@example.com" }, select: { props: true } });
    expect(JSON.stringify(email.props)).not.toMatch(/4242 ?4242/);
  });

  it("accepts 'Altro' for either category", async () => {
    for (const category of ["AMMINISTRAZIONE", "SUPPORTO_TECNICO"]) {
      const r = await submitSupportRequest({ input: { ...receiptNotReceived, category, reason: "OTHER" }, ...client() });
      expect(r.number).toMatch(/^RA-\d{4}-\d{6}$/);
    }
  });

  it("gives concurrent submissions distinct, consecutive numbers", async () => {
    setClock(new Date("2027-01-05T10:00:00Z"));
    const results = await Promise.all(Array.from({ length: 8 }, () => submitSupportRequest({ input: receiptNotReceived, ...client() })));
    const numbers = results.map((r) => r.number).sort();
    expect(new Set(numbers).size).toBe(8);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `RA-2027-${String(i + 1).padStart(6, "0")}`));
  });

  it("limits submissions per client address and writes nothing when refused", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < MAX_SUPPORT_REQUESTS_PER_HOUR; i++) await submitSupportRequest({ input: receiptNotReceived, ip, userAgent: "vitest" });
    const count = await db.supportRequest.count();
    const refused = submitSupportRequest({ input: receiptNotReceived, ip, userAgent: "vitest" });
    await expect(refused).rejects.toBeInstanceOf(SupportError);
    await expect(refused).rejects.toMatchObject({ code: "rate_limited" });
    expect(await db.supportRequest.count()).toBe(count);
    await expect(submitSupportRequest({ input: receiptNotReceived, ...client() })).resolves.toMatchObject({ number: expect.any(String) });
  });
});
