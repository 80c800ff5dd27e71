import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { renderEmail } from "@/lib/email/render";
import { demoStaff } from "@/lib/invoice-settlement/test-helpers";
import { getRequestForStaff, listRequestsForStaff } from "@/lib/staff/requests";
import { replyToSupportRequest, setSupportRequestStatus } from "./replies";
import { submitSupportRequest } from "./submit";

const db = getDb();
let admin: Awaited<ReturnType<typeof demoStaff>>;
let supporto: Awaited<ReturnType<typeof demoStaff>>;
let ipSeq = 0;

beforeAll(async () => {
  await seedDemoData(db);
  admin = await demoStaff("admin");
  supporto = await demoStaff("supporto");
});

async function request(category: "AMMINISTRAZIONE" | "SUPPORTO_TECNICO", email = `richiedente.${++ipSeq}@example.com`) {
  const reason = category === "AMMINISTRAZIONE" ? "SPLIT_PAYMENT_MISTAKE" : "TECHNICAL_ERROR";
  const r = await submitSupportRequest({ input: { category, reason, name: "Ente Prova", email, message: "Ho effettuato il pagamento in Split Payment per errore" }, ip: `192.0.2.${ipSeq}` });
  return { ...r, email };
}

describe("answering a Richiesta di Assistenza", () => {
  it("stores the reply, marks the request answered, e-mails the requester and audits, once per click", async () => {
    const r = await request("AMMINISTRAZIONE");
    const input = { requestId: r.id, message: "Le abbiamo aperto il saldo dell'IVA: paghi 22,00 € su Paga fattura." };
    const [first, second] = await Promise.all([replyToSupportRequest({ staff: admin, input }), replyToSupportRequest({ staff: admin, input })]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(first.replyId).toBe(second.replyId);

    const stored = await getRequestForStaff({ staff: admin, id: r.id });
    expect(stored?.status).toBe("ANSWERED");
    expect(stored?.replies.map((x) => [x.message, x.staff.username])).toEqual([[input.message, "admin"]]);
    const emails = await db.email.findMany({ where: { to: r.email, template: "support-reply" }, select: { props: true } });
    expect(emails).toEqual([{ props: expect.objectContaining({ requestNumber: r.number, reply: input.message, category: "AMMINISTRAZIONE" }) }]);
    expect(await db.auditLog.count({ where: { action: "support.replied", entityId: r.id, actor: `staff:${admin.staffId}` } })).toBe(1);

    const mail = await renderEmail("support-reply", emails[0]!.props, "it");
    expect(mail.subject).toBe(`Risposta alla Richiesta di Assistenza n. ${r.number}`);
    expect(mail.text).toContain("L'Amministrazione ha risposto");
    expect(mail.text).toContain("Split Payment per errore");
  });

  it("shows each category its own requests only: another category's is not found", async () => {
    const admin1 = await request("AMMINISTRAZIONE");
    const tech = await request("SUPPORTO_TECNICO");
    const adminList = await listRequestsForStaff({ staff: admin, page: 1 });
    const techList = await listRequestsForStaff({ staff: supporto, page: 1 });
    expect(adminList.rows.map((x) => x.id)).toContain(admin1.id);
    expect(adminList.rows.map((x) => x.id)).not.toContain(tech.id);
    expect(techList.rows.map((x) => x.id)).toEqual(expect.arrayContaining([tech.id]));
    expect(techList.rows.map((x) => x.id)).not.toContain(admin1.id);
    expect(await getRequestForStaff({ staff: supporto, id: admin1.id })).toBeNull();
    expect(await getRequestForStaff({ staff: supporto, id: "not-a-uuid" })).toBeNull();
    await expect(replyToSupportRequest({ staff: supporto, input: { requestId: admin1.id, message: "x" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(setSupportRequestStatus({ staff: supporto, input: { requestId: admin1.id, status: "CLOSED" } })).rejects.toMatchObject({ code: "not_found" });
    expect((await getRequestForStaff({ staff: admin, id: admin1.id }))?.status).toBe("OPEN");
  });

  it("filters by status, closes and reopens once, and refuses a reply to a closed request", async () => {
    const r = await request("SUPPORTO_TECNICO");
    const closes = await Promise.all([1, 2].map(() => setSupportRequestStatus({ staff: supporto, input: { requestId: r.id, status: "CLOSED" } })));
    expect(closes.map((c) => c.changed).sort()).toEqual([false, true]);
    expect(await db.auditLog.count({ where: { action: "support.closed", entityId: r.id } })).toBe(1);
    expect((await listRequestsForStaff({ staff: supporto, status: "CLOSED", page: 1 })).rows.map((x) => x.id)).toContain(r.id);
    expect((await listRequestsForStaff({ staff: supporto, status: "OPEN", page: 1 })).rows.map((x) => x.id)).not.toContain(r.id);

    await expect(replyToSupportRequest({ staff: supporto, input: { requestId: r.id, message: "Risolto." } })).rejects.toMatchObject({ code: "closed" });
    expect(await db.email.count({ where: { to: r.email, template: "support-reply" } })).toBe(0);
    expect(await setSupportRequestStatus({ staff: supporto, input: { requestId: r.id, status: "OPEN" } })).toEqual({ changed: true });
    await replyToSupportRequest({ staff: supporto, input: { requestId: r.id, message: "Risolto." } });
    expect((await getRequestForStaff({ staff: supporto, id: r.id }))?.status).toBe("ANSWERED");
  });

  it("refuses an empty or oversized reply and a malformed id, writing nothing", async () => {
    const r = await request("AMMINISTRAZIONE");
    const before = { replies: await db.supportReply.count(), emails: await db.email.count() };
    for (const input of [{ requestId: r.id, message: "   " }, { requestId: r.id, message: "x".repeat(5001) }, { requestId: "1", message: "ok" }, null]) {
      await expect(replyToSupportRequest({ staff: admin, input })).rejects.toMatchObject({ code: "invalid_input" });
    }
    expect({ replies: await db.supportReply.count(), emails: await db.email.count() }).toEqual(before);
  });
});
