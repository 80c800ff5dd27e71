import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSession } from "@/tests/request";

vi.mock("next/headers", () => import("@/tests/request").then((m) => m.nextHeaders));
vi.mock("next-auth", (original) => import("@/tests/request").then((m) => m.nextAuthReadingCookies(original)));

const { changePassword } = await import("@/lib/account/password");
const { getDb } = await import("@/lib/db");
const { createTestCustomer } = await import("@/lib/demo/fixtures");
const { seedDemoData } = await import("@/lib/demo/seed");
const { sealTotpSecret, newTotpSecret } = await import("./totp");
const { authenticateCustomer } = await import("./login");
const { authenticateStaff } = await import("./staff-login");
const { completeSecondStep } = await import("./second-step");
const { openSession } = await import("./session-registry");
const { getStaff } = await import("./session");

const db = getDb();
let ipSeq = 0;
const ip = () => `192.0.2.${++ipSeq}`;
beforeAll(async () => {
  await seedDemoData(db);
});

/** Ten wrong codes after the right password, five per ticket (a ticket takes five): the account's allowance is spent. */
async function guessAfterPassword(login: () => Promise<{ ok: boolean; secondStep?: { ticket: string } }>, times: number) {
  const answers: unknown[] = [];
  for (let done = 0; done < times; ) {
    const step = await login();
    if (!step.ok || !step.secondStep) throw new Error("expected a second step");
    for (let i = 0; i < 5 && done < times; i++, done++) answers.push(await completeSecondStep({ input: { ticket: step.secondStep.ticket, method: "totp", code: "000000" }, ip: "192.0.2.250" }));
  }
  return answers;
}

describe("finding 6: the second step blocked after the right password", () => {
  it("e-mails the customer that someone knows the password, once per block", async () => {
    const c = await createTestCustomer();
    await db.totpFactor.create({ data: { customerId: c.customerId, secretEnc: sealTotpSecret(newTotpSecret(), { customerId: c.customerId }), confirmedAt: new Date() } });
    const login = () => authenticateCustomer({ method: "account", credentials: { username: c.username, password: c.password }, ip: ip() });
    const answers = await guessAfterPassword(login, 12);
    expect(answers.slice(0, 10)).toEqual(Array(10).fill({ ok: false, error: "invalid_code" }));
    expect(answers.slice(10)).toEqual([expect.objectContaining({ error: "rate_limited" }), expect.objectContaining({ error: "rate_limited" })]);
    const mails = await db.email.findMany({ where: { to: c.email, template: "second-step-blocked" }, select: { props: true } });
    expect(mails).toEqual([{ props: expect.objectContaining({ name: expect.any(String), unlockAt: expect.any(String) }) }]);
    expect(await db.auditLog.count({ where: { action: "auth.second_step_blocked", entityId: c.customerId } })).toBe(1);
  });

  it("staff (no e-mail): audited, and shown in the back office until the password is changed", async () => {
    const staff = await db.staffUser.findUniqueOrThrow({ where: { username: "supporto" }, select: { id: true } });
    const login = () => authenticateStaff({ credentials: { username: "supporto", password: "Demo1234!" }, ip: ip() });
    await guessAfterPassword(login, 11);
    expect(await db.auditLog.count({ where: { action: "auth.second_step_blocked", entityId: staff.id } })).toBe(1);

    const { sessionId } = await openSession({ subject: { kind: "STAFF", staffId: staff.id }, method: "password+totp" });
    await useSession({ sessionId, staffId: staff.id, staffRole: "SUPPORTO_TECNICO" });
    expect((await getStaff())?.secondStepBlockedAt).toBeInstanceOf(Date);
    await changePassword({ owner: { staffId: staff.id }, sessionId, input: { currentPassword: "Demo1234!", newPassword: "una password nuova del supporto", confirmPassword: "una password nuova del supporto" } });
    expect((await getStaff())?.secondStepBlockedAt).toBeUndefined();
  });
});
