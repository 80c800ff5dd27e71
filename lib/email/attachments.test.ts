import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetClock, setClock } from "@/lib/clock";
import { registerJobHandler, runDueJobs } from "@/lib/jobs";
import { emailIdFor, getMailboxAttachment, listMailbox, listMailboxAttachments, queueEmail, type OutgoingEmail } from "@/lib/email";
import { createEmailSendHandler } from "@/lib/email/send-job";
import { localTransport, type EmailTransport } from "@/lib/email/transport";
import { truncateAllTables } from "@/tests/db";

const pdf = Buffer.from("%PDF-1.4 quietanza di prova");
const csv = Buffer.from("\ufeffData;Importo\r\n", "utf8");
const mail = {
  to: "pagatore@example.it",
  template: "support-request-received",
  props: { name: "Mario Rossi", requestNumber: "RA-2026-000001", category: "AMMINISTRAZIONE", reason: "OTHER", message: "Prova" },
  locale: "it",
  attachments: [
    { filename: "Quietanza-QT-2026-000001.pdf", contentType: "application/pdf", content: pdf },
    { filename: "Lista.csv", contentType: "text/csv; charset=utf-8", content: csv },
  ],
} as const;

/** Captures what a provider would receive, then delivers locally. */
function capturingTransport() {
  const sent: OutgoingEmail[] = [];
  const transport: EmailTransport = {
    name: "capture",
    async send(m, record) {
      sent.push(m);
      await localTransport.send(m, record);
    },
  };
  return { transport, sent };
}

beforeEach(async () => {
  await truncateAllTables();
  setClock(new Date("2026-03-01T09:00:00Z"));
  registerJobHandler("email.send", createEmailSendHandler({ transport: localTransport }));
});
afterEach(() => resetClock());

describe("e-mail attachments", () => {
  it("are written with the outbox row, or not at all", async () => {
    await expect(db.$transaction(async (tx) => { await queueEmail(tx, mail); throw new Error("rolled back"); })).rejects.toThrow("rolled back");
    expect(await db.emailAttachment.count()).toBe(0);
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, mail));
    expect(await db.emailAttachment.count({ where: { emailId } })).toBe(2);
    await expect(db.$transaction((tx) => queueEmail(tx, { ...mail, attachments: [{ filename: "../x.pdf", contentType: "application/pdf", content: pdf }] }))).rejects.toThrow();
  });

  it("go to the provider base64-encoded, and to the local mailbox as downloads once delivered", async () => {
    const capture = capturingTransport();
    registerJobHandler("email.send", createEmailSendHandler({ transport: capture.transport }));
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, mail));
    const [queued] = await db.emailAttachment.findMany({ where: { emailId, filename: { endsWith: ".pdf" } } });
    expect(await getMailboxAttachment(queued.id)).toBeNull(); // not delivered yet

    await runDueJobs({ workerId: "w" });
    expect(capture.sent[0].attachments).toEqual([
      { filename: "Lista.csv", contentType: "text/csv; charset=utf-8", contentBase64: csv.toString("base64") },
      { filename: "Quietanza-QT-2026-000001.pdf", contentType: "application/pdf", contentBase64: pdf.toString("base64") },
    ]);
    const [message] = await listMailbox({ to: mail.to });
    const files = await listMailboxAttachments(message.emailId);
    expect(files.map((f) => [f.filename, f.size])).toEqual([["Lista.csv", csv.length], ["Quietanza-QT-2026-000001.pdf", pdf.length]]);
    const file = await getMailboxAttachment(files[1].id);
    expect(Buffer.from(file!.content).equals(pdf)).toBe(true);
    expect(await getMailboxAttachment("not-a-uuid")).toBeNull();
  });

  it("an idempotency key queues one e-mail, however often it is used", async () => {
    const first = await db.$transaction((tx) => queueEmail(tx, { ...mail, idempotencyKey: "job-1" }));
    const again = await db.$transaction((tx) => queueEmail(tx, { ...mail, idempotencyKey: "job-1" }));
    const other = await db.$transaction((tx) => queueEmail(tx, { ...mail, idempotencyKey: "job-2" }));
    expect(first).toEqual({ emailId: emailIdFor("job-1"), created: true });
    expect(again).toEqual({ emailId: first.emailId, created: false });
    expect(other.created).toBe(true);
    expect(await db.email.count()).toBe(2);
    expect(await db.emailAttachment.count()).toBe(4);
    expect(await db.job.count({ where: { type: "email.send" } })).toBe(2);
  });
});
