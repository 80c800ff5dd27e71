import { beforeAll, describe, expect, it } from "vitest";
import { authenticateCustomer } from "@/lib/auth/login";
import { completeSecondStep } from "@/lib/auth/second-step";
import { liveSession, openSession } from "@/lib/auth/session-registry";
import { openTotpSecret, totpCode, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";
import { resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { confirmEmailChange, requestEmailChange } from "./email-change";
import { changePassword } from "./password";
import { listSessions, signOutEverywhere, signOutSession } from "./sessions";
import { confirmTotpSetup, disableTotp, pendingTotpSetup, startTotpSetup, totpStatus } from "./two-factor";

const db = getDb();
let ipSeq = 0;
const ip = () => `203.0.113.${++ipSeq}`;
beforeAll(async () => {
  await seedDemoData(db);
});
const templatesTo = async (to: string) => (await db.email.findMany({ where: { to }, select: { template: true }, orderBy: { createdAt: "asc" } })).map((e) => e.template);

describe("password change", () => {
  it("needs the current password, keeps this session, signs the others out and e-mails the owner", async () => {
    const c = await createTestCustomer();
    const owner = { customerId: c.customerId };
    const here = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    const there = await openSession({ subject: { kind: "PEC", customerId: c.customerId, pecServiceId: c.pecServiceId }, method: "password", deviceToken: here.deviceToken });
    await expect(changePassword({ owner, sessionId: here.sessionId, input: { currentPassword: "wrong", newPassword: "nuova-password-1", confirmPassword: "nuova-password-1" } })).rejects.toMatchObject({ code: "wrong_password" });
    await expect(changePassword({ owner, input: { currentPassword: c.password, newPassword: "nuova-password-1", confirmPassword: "diversa-password" } })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await liveSession(there.sessionId)).not.toBeNull();
    await changePassword({ owner, sessionId: here.sessionId, input: { currentPassword: c.password, newPassword: "nuova-password-1", confirmPassword: "nuova-password-1" } });
    expect(await liveSession(here.sessionId)).not.toBeNull();
    expect(await liveSession(there.sessionId)).toBeNull();
    expect(await templatesTo(c.email)).toEqual(["security-change"]);
  });
});

describe("registered e-mail", () => {
  it("changes only through the link sent to the new address, with notices to the old one, once", async () => {
    const c = await createTestCustomer();
    await expect(requestEmailChange({ customerId: c.customerId, input: { newEmail: c.email, currentPassword: c.password } })).rejects.toMatchObject({ code: "same_email" });
    await requestEmailChange({ customerId: c.customerId, input: { newEmail: "Nuovo.Indirizzo@Example.com", currentPassword: c.password } });
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).email).toBe(c.email);
    const mail = await db.email.findFirstOrThrow({ where: { to: "nuovo.indirizzo@example.com", template: "email-change-confirm" } });
    const token = String((mail.props as { confirmUrl: string }).confirmUrl).split("/").pop();
    const both = await Promise.allSettled([1, 2].map(() => confirmEmailChange({ token, currentPassword: c.password, client: { ip: ip() } })));
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.customerId } })).email).toBe("nuovo.indirizzo@example.com");
    expect(await templatesTo(c.email)).toEqual(["email-change-notice", "email-change-notice"]);
    await expect(confirmEmailChange({ token: "not-a-token" })).rejects.toMatchObject({ code: "invalid_token" });
  });
});

describe("devices signed in", () => {
  it("a PEC mailbox login sees and signs out only that mailbox's sessions; the account sees all", async () => {
    const c = await createTestCustomer();
    const account = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    const pec = await openSession({ subject: { kind: "PEC", customerId: c.customerId, pecServiceId: c.pecServiceId }, method: "password" });
    const pecScope = { owner: { customerId: c.customerId }, pecServiceId: c.pecServiceId, currentSessionId: pec.sessionId };
    expect((await listSessions(pecScope)).map((s) => s.id)).toEqual([pec.sessionId]);
    await expect(signOutSession({ scope: pecScope, input: { sessionId: account.sessionId } })).rejects.toMatchObject({ code: "not_found" });
    const other = await createTestCustomer();
    await expect(signOutSession({ scope: { owner: { customerId: other.customerId } }, input: { sessionId: account.sessionId } })).rejects.toMatchObject({ code: "not_found" });
    expect(await liveSession(account.sessionId)).not.toBeNull();
    const accountScope = { owner: { customerId: c.customerId }, currentSessionId: account.sessionId };
    expect((await listSessions(accountScope)).map((s) => s.current).sort()).toEqual([false, true]);
    expect(await signOutSession({ scope: accountScope, input: { sessionId: pec.sessionId } })).toEqual({ current: false });
    expect(await liveSession(pec.sessionId)).toBeNull();
    expect(await signOutEverywhere({ scope: accountScope })).toBe(1);
    expect(await liveSession(account.sessionId)).toBeNull();
  });

  it("announces a sign-in from a new browser, not the first one nor a known one", async () => {
    const c = await createTestCustomer();
    const first = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0" });
    await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password", deviceToken: first.deviceToken });
    expect(await templatesTo(c.email)).toEqual([]);
    await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password", ip: "198.51.100.9", userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0" });
    const mails = await db.email.findMany({ where: { to: c.email }, select: { template: true, props: true } });
    expect(mails).toEqual([{ template: "new-device-sign-in", props: expect.objectContaining({ device: "Firefox su Windows", ip: "198.51.100.9" }) }]);
  });
});

describe("two-step login with an authenticator app", () => {
  it("is set up with the password and a first code, then asked at login; a code works once, a recovery code once", async () => {
    const c = await createTestCustomer();
    const owner = { customerId: c.customerId };
    const { sessionId } = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    await expect(startTotpSetup({ owner, sessionId, input: { currentPassword: "wrong" } })).rejects.toMatchObject({ code: "wrong_password" });
    await startTotpSetup({ owner, sessionId, input: { currentPassword: c.password } });
    const shown = await pendingTotpSetup(owner, sessionId, c.username);
    expect(shown?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const factor = await db.totpFactor.findUniqueOrThrow({ where: { customerId: c.customerId } });
    const secret = openTotpSecret(factor.secretEnc, owner);
    expect(factor.secretEnc).not.toContain(secret);
    expect(shown?.secret.replace(/ /g, "")).toBe(secret);
    await expect(confirmTotpSetup({ owner, sessionId, input: { code: "000000" } })).rejects.toMatchObject({ code: "invalid_code" });
    const at = new Date();
    setClock(at);
    try {
      const recovery = await confirmTotpSetup({ owner, sessionId, input: { code: totpCode(secret, at) } });
      expect(recovery).toHaveLength(10);
      expect(await totpStatus(owner)).toEqual({ enabled: true, pending: false, recoveryCodesLeft: 10 });

      const login = () => authenticateCustomer({ method: "account", credentials: { username: c.username, password: c.password }, ip: ip() });
      const first = await login();
      if (!first.ok || !first.secondStep) throw new Error("expected a second step");
      expect(first.secondStep.factors).toEqual(["totp"]);
      // The setup's code (step N) is spent: the same code is refused, the next step's is accepted once.
      expect(await completeSecondStep({ input: { ticket: first.secondStep.ticket, method: "totp", code: totpCode(secret, at) } })).toEqual({ ok: false, error: "invalid_code" });
      const next = totpCode(secret, new Date(at.getTime() + TOTP_PERIOD_SECONDS * 1000));
      expect(await completeSecondStep({ input: { ticket: first.secondStep.ticket, method: "totp", code: next } })).toMatchObject({ ok: true, method: "password+totp" });
      // The ticket is spent.
      expect(await completeSecondStep({ input: { ticket: first.secondStep.ticket, method: "totp", code: next } })).toEqual({ ok: false, error: "expired" });

      const second = await login();
      if (!second.ok || !second.secondStep) throw new Error("expected a second step");
      const results = await Promise.all([1, 2].map(() => completeSecondStep({ input: { ticket: second.secondStep!.ticket, method: "recovery", code: recovery[0].toLowerCase() } })));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await totpStatus(owner)).toMatchObject({ recoveryCodesLeft: 9 });
    } finally {
      resetClock();
    }
    await expect(disableTotp({ owner, input: { currentPassword: "wrong" } })).rejects.toMatchObject({ code: "wrong_password" });
    await disableTotp({ owner, input: { currentPassword: c.password } });
    const after = await authenticateCustomer({ method: "account", credentials: { username: c.username, password: c.password }, ip: ip() });
    expect(after.ok && after.secondStep).toBeFalsy();
    const changes = (await db.email.findMany({ where: { to: c.email, template: "security-change" }, select: { props: true }, orderBy: { createdAt: "asc" } })).map((m) => (m.props as { change: string }).change);
    expect(changes).toEqual(["totp-enabled", "totp-disabled"]);
  });

  it("five wrong codes end the ticket; a PEC mailbox login is never asked for the account's second step", async () => {
    const c = await createTestCustomer();
    const owner = { customerId: c.customerId };
    const { sessionId } = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    await startTotpSetup({ owner, sessionId, input: { currentPassword: c.password } });
    const factor = await db.totpFactor.findUniqueOrThrow({ where: { customerId: c.customerId } });
    await confirmTotpSetup({ owner, sessionId, input: { code: totpCode(openTotpSecret(factor.secretEnc, owner)) } });
    const first = await authenticateCustomer({ method: "account", credentials: { username: c.username, password: c.password }, ip: ip() });
    if (!first.ok || !first.secondStep) throw new Error("expected a second step");
    for (let i = 0; i < 5; i++) expect(await completeSecondStep({ input: { ticket: first.secondStep.ticket, method: "totp", code: "123456" } })).toEqual({ ok: false, error: "invalid_code" });
    expect(await completeSecondStep({ input: { ticket: first.secondStep.ticket, method: "totp", code: "123456" } })).toEqual({ ok: false, error: "expired" });
    const pec = await authenticateCustomer({ method: "pec", credentials: { address: c.pecAddress, password: c.password }, ip: ip() });
    expect(pec).toMatchObject({ ok: true, customer: { pecServiceId: c.pecServiceId } });
    expect(pec.ok && pec.secondStep).toBeFalsy();
  });
});
