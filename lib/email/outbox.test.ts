import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { advanceClock, resetClock, setClock } from "@/lib/clock";
import { registerJobHandler, runDueJobs } from "@/lib/jobs";
import { getMailboxMessage, listMailbox, queueEmail } from "@/lib/email";
import { REDACTED_PROP } from "@/lib/email/catalog";
import { createEmailSendHandler } from "@/lib/email/send-job";
import { defaultEmailTransport, EmailProviderError, localTransport, type EmailTransport } from "@/lib/email/transport";
import { truncateAllTables } from "@/tests/db";

const T0 = new Date("2026-03-01T09:00:00.000Z");
const HOUR = 3_600_000;
const lockedMail = {
  to: "mario.rossi@example.it",
  template: "login-locked",
  props: { name: "Mario Rossi", unlockAt: "2026-03-01T10:15:00.000Z" }, // 11:15 in Rome
  locale: "it",
} as const;

/** A provider that is down for the first `failures` calls, then delivers locally. */
function flakyTransport(failures: number) {
  let calls = 0;
  const transport: EmailTransport = {
    name: "flaky",
    async send(mail, recordDelivery) {
      if (++calls <= failures) throw new EmailProviderError("provider unavailable");
      await localTransport.send(mail, recordDelivery);
    },
  };
  return { transport, calls: () => calls };
}

beforeEach(async () => {
  await truncateAllTables();
  setClock(T0);
  registerJobHandler("email.send", createEmailSendHandler({ transport: localTransport }));
});
afterEach(() => resetClock());

describe("queueEmail", () => {
  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueEmail(tx, lockedMail);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.email.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });

  it("refuses props that do not fit the template", async () => {
    const props = { ...lockedMail.props, unlockAt: "tomorrow" };
    await expect(db.$transaction((tx) => queueEmail(tx, { ...lockedMail, props }))).rejects.toThrow();
    expect(await db.email.count()).toBe(0);
  });

  it("queues the e-mail with its delivery job in one transaction", async () => {
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, lockedMail));
    expect(await db.email.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "QUEUED", sentAt: null });
    const job = await db.job.findUniqueOrThrow({ where: { uniqueKey: `email:${emailId}` } });
    expect(job).toMatchObject({ type: "email.send", payload: { emailId }, status: "PENDING" });
  });
});

describe("email.send", () => {
  it("delivers an Italian e-mail to the local mailbox and marks it sent", async () => {
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, lockedMail));
    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ done: 1 });

    const [message, ...others] = await listMailbox({ to: "Mario.Rossi@example.it" });
    expect(others).toEqual([]);
    expect(message).toMatchObject({ emailId, to: lockedMail.to, subject: "Tentativi di accesso non riusciti al tuo account" });
    expect(message.text).toContain("Gentile Mario Rossi");
    expect(message.text).toContain("bloccato fino al 1 marzo 2026 alle ore 11:15 (ora italiana)");
    expect(message.text).toContain("contatta subito l'assistenza");
    expect(message.html).toContain('lang="it"');
    expect(message.html).toContain("<title>Tentativi di accesso non riusciti al tuo account</title>");
    expect(await getMailboxMessage(message.id)).toEqual(message);
    expect(await getMailboxMessage("not-a-uuid")).toBeNull();

    const email = await db.email.findUniqueOrThrow({ where: { id: emailId } });
    expect(email).toMatchObject({ status: "SENT", sentAt: T0, subject: message.subject, providerMessageId: null });
  });

  it("writes in English for an English-speaking customer", async () => {
    await db.$transaction((tx) => queueEmail(tx, { ...lockedMail, locale: "en" }));
    await runDueJobs({ workerId: "w" });
    const [message] = await listMailbox();
    expect(message.subject).toBe("Failed sign-in attempts on your account");
    expect(message.text).toContain("blocked until 1 March 2026 at 11:15 (Italian time)");
    expect(message.html).toContain('lang="en"');
  });

  it("delivers exactly once even when the job runs again, or twice at the same time", async () => {
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, lockedMail));
    const send = createEmailSendHandler({ transport: localTransport });
    const ctx = { jobId: "j", attempt: 1, maxAttempts: 3, workerId: "w", now: T0 };

    await Promise.all([send({ emailId }, ctx), send({ emailId }, ctx)]);
    await send({ emailId }, ctx);
    await runDueJobs({ workerId: "w" });

    expect(await db.mailboxMessage.count()).toBe(1);
    expect(await db.email.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "SENT" });
  });

  it("retries while the provider fails, then delivers once", async () => {
    const flaky = flakyTransport(2);
    registerJobHandler("email.send", createEmailSendHandler({ transport: flaky.transport }));
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, lockedMail));

    for (const attempt of [1, 2]) {
      expect(await runDueJobs({ workerId: "w" })).toMatchObject({ retried: 1 });
      const job = await db.job.findUniqueOrThrow({ where: { uniqueKey: `email:${emailId}` } });
      expect(job).toMatchObject({ status: "PENDING", attempts: attempt, lastError: "EmailProviderError: provider unavailable" });
      expect(await db.mailboxMessage.count()).toBe(0);
      expect((await db.email.findUniqueOrThrow({ where: { id: emailId } })).status).toBe("QUEUED");
      advanceClock(HOUR);
    }

    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ done: 1 });
    advanceClock(HOUR);
    expect((await runDueJobs({ workerId: "w" })).claimed).toBe(0);
    expect(flaky.calls()).toBe(3);
    expect(await db.mailboxMessage.count()).toBe(1);
    expect(await db.email.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "SENT" });
  });

  it("marks the e-mail FAILED when its last attempt fails", async () => {
    registerJobHandler("email.send", createEmailSendHandler({ transport: flakyTransport(Infinity).transport }));
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, lockedMail));
    await db.job.updateMany({ data: { maxAttempts: 1 } });

    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ failed: 1 });
    expect((await db.email.findUniqueOrThrow({ where: { id: emailId } })).status).toBe("FAILED");
  });
});

describe("finding 4: the secret links leave the outbox", () => {
  const resetMail = {
    to: "mario.rossi@example.it",
    template: "password-reset",
    props: { name: "Mario Rossi", username: "mario.rossi", resetUrl: "http://localhost:3000/password-dimenticata/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", expiresAt: "2026-03-01T09:30:00.000Z" },
    locale: "it",
  } as const;
  const noticeMail = {
    to: "mario.rossi@example.it",
    template: "email-change-notice",
    props: { name: "Mario Rossi", newEmail: "nuovo@example.it", stage: "requested", at: "2026-03-01T09:00:00.000Z", cancelUrl: "http://localhost:3000/annulla-email/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB" },
    locale: "it",
  } as const;

  it("once sent, the outbox keeps a placeholder instead of the link; the e-mail itself had it", async () => {
    const reset = await db.$transaction((tx) => queueEmail(tx, resetMail));
    const notice = await db.$transaction((tx) => queueEmail(tx, noticeMail));
    const plain = await db.$transaction((tx) => queueEmail(tx, lockedMail));
    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ done: 3 });
    const props = async (id: string) => (await db.email.findUniqueOrThrow({ where: { id } })).props;
    expect(await props(reset.emailId)).toEqual({ ...resetMail.props, resetUrl: REDACTED_PROP });
    expect(await props(notice.emailId)).toEqual({ ...noticeMail.props, cancelUrl: REDACTED_PROP });
    expect(await props(plain.emailId)).toEqual(lockedMail.props);
    const delivered = (await listMailbox()).map((m) => m.text).join("\n");
    expect(delivered).toContain(resetMail.props.resetUrl);
    expect(delivered).toContain(noticeMail.props.cancelUrl);
  });

  it("given up (FAILED), the same", async () => {
    registerJobHandler("email.send", createEmailSendHandler({ transport: flakyTransport(Infinity).transport }));
    const { emailId } = await db.$transaction((tx) => queueEmail(tx, resetMail));
    await db.job.updateMany({ data: { maxAttempts: 1 } });
    expect(await runDueJobs({ workerId: "w" })).toMatchObject({ failed: 1 });
    expect(await db.email.findUniqueOrThrow({ where: { id: emailId } })).toMatchObject({ status: "FAILED", props: { ...resetMail.props, resetUrl: REDACTED_PROP } });
  });
});

describe("defaultEmailTransport", () => {
  it("uses Resend only when an API key is configured", () => {
    expect(defaultEmailTransport({ RESEND_API_KEY: "re_test" }).name).toBe("resend");
    expect(defaultEmailTransport({ RESEND_API_KEY: " " }).name).toBe("local");
    expect(defaultEmailTransport({}).name).toBe("local");
  });
});
