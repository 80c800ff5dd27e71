import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { DEMO_STAFF_TOTP, seedDemoData } from "@/lib/demo/seed";
import { addStaff, disableStaff } from "@/lib/staff-accounts";
import { authenticateCustomer } from "./login";
import { completeSecondStep } from "./second-step";
import { authenticateStaff } from "./staff-login";
import { totpCode } from "./totp";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});

describe("authenticateStaff", () => {
  it("accepts the demo staff with their role, always asks for the authenticator's code, and audits the login after it", async () => {
    const admin = await authenticateStaff({ credentials: { username: "Admin", password: "Demo1234!" }, ip: "203.0.113.1", userAgent: "vitest" });
    expect(admin).toMatchObject({ ok: true, staff: { username: "admin", role: "AMMINISTRAZIONE" }, secondStep: { factors: ["totp"] } });
    const supporto = await authenticateStaff({ credentials: { username: "supporto", password: "Demo1234!" }, ip: "203.0.113.1" });
    expect(supporto).toMatchObject({ ok: true, staff: { username: "supporto", role: "SUPPORTO_TECNICO" }, secondStep: { factors: ["totp"] } });
    if (!admin.ok || !admin.secondStep) throw new Error("expected a second step");
    expect(await db.auditLog.count({ where: { action: "auth.staff_login", entityId: admin.staff.staffId } })).toBe(0);
    const done = await completeSecondStep({ input: { ticket: admin.secondStep.ticket, method: "totp", code: totpCode(DEMO_STAFF_TOTP.admin) } });
    expect(done).toMatchObject({ ok: true, subject: { kind: "STAFF", staffId: admin.staff.staffId } });
  });

  it("a new member of staff logs in with the one-time password without a code (to set the app up); a disabled one can't log in", async () => {
    const { oneTimePassword } = await addStaff({ username: "nuovo.staff", role: "supporto" });
    const first = await authenticateStaff({ credentials: { username: "nuovo.staff", password: oneTimePassword }, ip: "203.0.113.4" });
    expect(first).toMatchObject({ ok: true, staff: { username: "nuovo.staff" } });
    expect(first.ok && first.secondStep).toBeFalsy();
    await disableStaff({ username: "nuovo.staff" });
    expect(await authenticateStaff({ credentials: { username: "nuovo.staff", password: oneTimePassword }, ip: "203.0.113.4" })).toEqual({ ok: false, error: "invalid_credentials" });
  });

  it("gives one generic error, and customers and staff can't use each other's login", async () => {
    const answers = await Promise.all([
      authenticateStaff({ credentials: { username: "admin", password: "wrong" }, ip: "203.0.113.2" }),
      authenticateStaff({ credentials: { username: "mario.rossi", password: "Demo1234!" }, ip: "203.0.113.2" }),
      authenticateStaff({ credentials: { username: ["admin"], password: 1 }, ip: "203.0.113.2" }),
      authenticateStaff({ credentials: undefined, ip: "203.0.113.2" }),
    ]);
    for (const a of answers) expect(a).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await authenticateCustomer({ method: "account", credentials: { username: "admin", password: "Demo1234!" }, ip: "203.0.113.3" })).toEqual({ ok: false, error: "invalid_credentials" });
  });

  it("blocks a staff name after five failures, even with the right password, and audits the block once", async () => {
    for (let i = 0; i < 5; i++) await authenticateStaff({ credentials: { username: "supporto", password: `wrong${i}` }, ip: "198.51.100.20" });
    const blocked = await authenticateStaff({ credentials: { username: "supporto", password: "Demo1234!" }, ip: "198.51.100.21" });
    expect(blocked).toMatchObject({ ok: false, error: "rate_limited" });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { username: "supporto" } });
    expect(await db.auditLog.count({ where: { action: "auth.locked", entity: "StaffUser", entityId: staff.id } })).toBe(1);
    // Staff names are throttled apart from customers' login names.
    expect(await authenticateCustomer({ method: "account", credentials: { username: "mario.rossi", password: "Demo1234!" }, ip: "198.51.100.22" })).toMatchObject({ ok: true });
  });
});
