import { beforeAll, describe, expect, it } from "vitest";
import { authenticateCustomer } from "@/lib/auth/login";
import { liveSession, openSession } from "@/lib/auth/session-registry";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { AccountError } from "./errors";
import { requestPasswordReset, resetLinkIsValid, resetPassword } from "./password-reset";

const db = getDb();
let ipSeq = 0;
const client = () => ({ ip: `192.0.2.${++ipSeq}`, userAgent: "vitest" });
beforeAll(async () => {
  await seedDemoData(db);
});

async function resetLinks(to: string): Promise<string[]> {
  const mails = await db.email.findMany({ where: { to, template: "password-reset" }, select: { props: true }, orderBy: { createdAt: "asc" } });
  return mails.map((m) => String((m.props as { resetUrl: string }).resetUrl).split("/").pop()!);
}

describe("Password dimenticata?", () => {
  it("sends a single-use link to the registered address for the username or the e-mail, and the same answer for nobody", async () => {
    const c = await createTestCustomer();
    const before = await db.auditLog.count();
    await expect(requestPasswordReset({ input: { login: "nobody.at.all" }, ...client() })).resolves.toBeUndefined();
    await expect(requestPasswordReset({ input: { login: "nobody@example.com" }, ...client() })).resolves.toBeUndefined();
    // Unknown logins leave no trace at all.
    expect(await db.auditLog.count()).toBe(before);
    await requestPasswordReset({ input: { login: c.username.toUpperCase() }, ...client() });
    await requestPasswordReset({ input: { login: c.email }, ...client() });
    const tokens = await resetLinks(c.email);
    expect(tokens).toHaveLength(2);
    expect(await db.accountToken.count({ where: { customerId: c.customerId } })).toBe(2);
    // Only the hash is stored.
    expect(await db.accountToken.count({ where: { tokenHash: { in: tokens } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "account.password_reset_requested", entityId: c.customerId } })).toBe(2);
  });

  it("limits links per account (silently) and requests per address", async () => {
    const c = await createTestCustomer();
    for (let i = 0; i < 5; i++) await requestPasswordReset({ input: { login: c.username }, ...client() });
    expect(await resetLinks(c.email)).toHaveLength(3);
    const ip = { ip: "198.51.100.77" };
    for (let i = 0; i < 10; i++) await requestPasswordReset({ input: { login: `ghost-${i}` }, ...ip });
    await expect(requestPasswordReset({ input: { login: "ghost-x" }, ...ip })).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("a link sets the password once, even twice at the same time, signs every session out and e-mails the change", async () => {
    const c = await createTestCustomer();
    const s = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    await requestPasswordReset({ input: { login: c.username }, ...client() });
    const [token] = await resetLinks(c.email);
    expect(await resetLinkIsValid(token)).toBe(true);
    const input = { token, newPassword: "una-nuova-password", confirmPassword: "una-nuova-password" };
    const results = await Promise.allSettled([resetPassword({ input, ...client() }), resetPassword({ input, ...client() })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "invalid_token" });
    expect(await resetLinkIsValid(token)).toBe(false);
    expect(await liveSession(s.sessionId)).toBeNull();
    expect((await authenticateCustomer({ method: "account", credentials: { username: c.username, password: "una-nuova-password" }, ip: "203.0.113.50" })).ok).toBe(true);
    expect((await authenticateCustomer({ method: "account", credentials: { username: c.username, password: c.password }, ip: "203.0.113.50" })).ok).toBe(false);
    const notices = await db.email.findMany({ where: { to: c.email, template: "security-change" }, select: { props: true } });
    expect(notices.map((n) => (n.props as { change: string }).change)).toEqual(["password-reset"]);
  });

  it("refuses an expired, unknown or malformed link and a short password, changing nothing", async () => {
    const c = await createTestCustomer();
    await requestPasswordReset({ input: { login: c.username }, ...client() });
    const [token] = await resetLinks(c.email);
    await db.accountToken.updateMany({ where: { customerId: c.customerId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const pw = { newPassword: "una-nuova-password", confirmPassword: "una-nuova-password" };
    for (const input of [{ token, ...pw }, { token: "x".repeat(43), ...pw }, { token: "short", ...pw }, null]) {
      await expect(resetPassword({ input, ...client() })).rejects.toBeInstanceOf(AccountError);
    }
    await expect(resetPassword({ input: { token, newPassword: "corta", confirmPassword: "corta" }, ...client() })).rejects.toMatchObject({ code: "invalid_input" });
    expect((await authenticateCustomer({ method: "account", credentials: { username: c.username, password: c.password }, ip: "203.0.113.51" })).ok).toBe(true);
  });
});
