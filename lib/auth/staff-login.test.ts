import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { authenticateCustomer } from "./login";
import { authenticateStaff } from "./staff-login";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});

describe("authenticateStaff", () => {
  it("accepts the demo staff with their role and audits the login", async () => {
    const admin = await authenticateStaff({ credentials: { username: "Admin", password: "Demo1234!" }, ip: "203.0.113.1", userAgent: "vitest" });
    expect(admin).toMatchObject({ ok: true, staff: { username: "admin", role: "AMMINISTRAZIONE" } });
    const supporto = await authenticateStaff({ credentials: { username: "supporto", password: "Demo1234!" }, ip: "203.0.113.1" });
    expect(supporto).toMatchObject({ ok: true, staff: { username: "supporto", role: "SUPPORTO_TECNICO" } });
    if (!admin.ok) throw new Error("expected a login");
    expect(await db.auditLog.count({ where: { action: "auth.staff_login", entityId: admin.staff.staffId, actor: `staff:${admin.staff.staffId}` } })).toBe(1);
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
