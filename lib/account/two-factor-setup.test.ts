import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { liveSession, openSession } from "@/lib/auth/session-registry";
import { openTotpSecret, totpCode, TOTP_PERIOD_SECONDS } from "@/lib/auth/totp";
import { resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { addStaff } from "@/lib/staff-accounts";
import { confirmTotpSetup, pendingTotpSetup, startTotpSetup, totpStatus } from "./two-factor";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});
afterEach(() => resetClock());

const MINUTE = 60_000;
const secretOf = async (where: { staffId: string } | { customerId: string }) => {
  const factor = await db.totpFactor.findFirstOrThrow({ where, select: { secretEnc: true } });
  return openTotpSecret(factor.secretEnc, where);
};

describe("finding 3: setting up the authenticator", () => {
  it("staff: only the session that started it sees the secret and may confirm it; confirming signs the other sessions out", async () => {
    const { username, oneTimePassword } = await addStaff({ username: "nuovo.totp", role: "supporto" });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { username }, select: { id: true } });
    const owner = { staffId: staff.id };
    // Two password-only sessions: the owner's, and one opened by whoever else knows the password.
    const mine = (await openSession({ subject: { kind: "STAFF", ...owner }, method: "password" })).sessionId;
    const theirs = (await openSession({ subject: { kind: "STAFF", ...owner }, method: "password" })).sessionId;

    const at = new Date();
    setClock(at);
    await startTotpSetup({ owner, sessionId: mine, input: { currentPassword: oneTimePassword } });
    expect(await pendingTotpSetup(owner, theirs, username)).toBeNull();
    expect(await totpStatus(owner, theirs)).toMatchObject({ enabled: false, pending: false });
    expect(await totpStatus(owner, mine)).toMatchObject({ enabled: false, pending: true });
    const shown = await pendingTotpSetup(owner, mine, username);
    const secret = await secretOf(owner);
    expect(shown?.secret.replace(/ /g, "")).toBe(secret);

    // Even with a right code (read over the owner's shoulder) the other session can't turn it on.
    await expect(confirmTotpSetup({ owner, sessionId: theirs, input: { code: totpCode(secret, at) } })).rejects.toMatchObject({ code: "invalid_code" });
    expect(await confirmTotpSetup({ owner, sessionId: mine, input: { code: totpCode(secret, at) } })).toHaveLength(10);
    expect(await liveSession(mine)).not.toBeNull();
    expect(await liveSession(theirs)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: theirs }, select: { revokedReason: true } })).toEqual({ revokedReason: "totp-enabled" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "account.totp-enabled", entityId: staff.id }, select: { data: true } })).toMatchObject({ data: { otherSessionsSignedOut: 1 } });
  });

  it("customer: the same, announced by e-mail; a pending factor expires after 15 minutes", async () => {
    const c = await createTestCustomer();
    const owner = { customerId: c.customerId };
    const mine = (await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" })).sessionId;
    const pec = (await openSession({ subject: { kind: "PEC", customerId: c.customerId, pecServiceId: c.pecServiceId }, method: "password" })).sessionId;

    const at = new Date();
    setClock(at);
    await startTotpSetup({ owner, sessionId: mine, input: { currentPassword: c.password } });
    const stale = await secretOf(owner);
    const later = new Date(at.getTime() + 16 * MINUTE);
    setClock(later);
    expect(await pendingTotpSetup(owner, mine, c.username)).toBeNull();
    await expect(confirmTotpSetup({ owner, sessionId: mine, input: { code: totpCode(stale, later) } })).rejects.toMatchObject({ code: "invalid_code" });
    expect(await totpStatus(owner, mine)).toEqual({ enabled: false, pending: false, recoveryCodesLeft: 0 });

    await startTotpSetup({ owner, sessionId: mine, input: { currentPassword: c.password } });
    const secret = await secretOf(owner);
    const code = totpCode(secret, new Date(later.getTime() + TOTP_PERIOD_SECONDS * 1000));
    expect(await confirmTotpSetup({ owner, sessionId: mine, input: { code } })).toHaveLength(10);
    expect(await liveSession(mine)).not.toBeNull();
    expect(await liveSession(pec)).toBeNull();
    const mails = await db.email.findMany({ where: { to: c.email, template: "security-change" }, select: { props: true } });
    expect(mails.map((m) => (m.props as { change: string }).change)).toEqual(["totp-enabled"]);
  });
});
