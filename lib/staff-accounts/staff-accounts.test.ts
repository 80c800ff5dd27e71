import { describe, expect, it } from "vitest";
import { liveSession, openSession } from "@/lib/auth/session-registry";
import { verifyPassword } from "@/lib/auth/passwords";
import { getDb } from "@/lib/db";
import { addStaff, disableStaff, listStaff, resetStaffPassword } from ".";

const db = getDb();

describe("npm run staff", () => {
  it("adds a member of staff with a one-time password (never a default one) that must be changed, audited", async () => {
    const a = await addStaff({ username: " Giulia.Verdi ", role: "amministrazione", displayName: "Giulia Verdi" });
    const b = await addStaff({ username: "luca", role: "supporto" });
    expect(a).toMatchObject({ username: "giulia.verdi", role: "AMMINISTRAZIONE" });
    expect(a.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(a.oneTimePassword).not.toBe(b.oneTimePassword);
    const row = await db.staffUser.findUniqueOrThrow({ where: { username: "giulia.verdi" } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(row.passwordHash, a.oneTimePassword)).toBe(true);
    expect(await verifyPassword(row.passwordHash, "Demo1234!")).toBe(false);
    await expect(addStaff({ username: "giulia.verdi", role: "supporto" })).rejects.toMatchObject({ code: "exists" });
    await expect(addStaff({ username: "x", role: "supporto" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(addStaff({ username: "mario", role: "capo" })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await db.auditLog.count({ where: { action: "staff.added", entityId: row.id, actor: "system" } })).toBe(1);
    expect((await listStaff()).map((s) => [s.username, s.mustChangePassword, s.authenticator])).toEqual(expect.arrayContaining([["giulia.verdi", true, false]]));
  });

  it("disabling signs every session out at once; a reset gives a new one-time password and can remove the authenticator", async () => {
    await addStaff({ username: "anna.staff", role: "supporto" });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { username: "anna.staff" } });
    await db.staffUser.update({ where: { id: staff.id }, data: { mustChangePassword: false } });
    await db.totpFactor.create({ data: { staffId: staff.id, secretEnc: "x", confirmedAt: new Date() } });
    const s1 = await openSession({ subject: { kind: "STAFF", staffId: staff.id }, method: "password+totp" });
    const { oneTimePassword } = await resetStaffPassword({ username: "anna.staff", reset2fa: true });
    expect(await liveSession(s1.sessionId)).toBeNull();
    const after = await db.staffUser.findUniqueOrThrow({ where: { id: staff.id }, include: { totp: true } });
    expect(after.mustChangePassword).toBe(true);
    expect(after.totp).toBeNull();
    expect(await verifyPassword(after.passwordHash, oneTimePassword)).toBe(true);

    const s2 = await openSession({ subject: { kind: "STAFF", staffId: staff.id }, method: "password" });
    expect(await disableStaff({ username: "anna.staff" })).toEqual({ sessionsSignedOut: 1 });
    expect(await liveSession(s2.sessionId)).toBeNull();
    await expect(disableStaff({ username: "nessuno" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.auditLog.findMany({ where: { entityId: staff.id, action: { startsWith: "staff." } }, select: { action: true }, orderBy: { at: "asc" } })).toEqual([{ action: "staff.added" }, { action: "staff.password_reset" }, { action: "staff.disabled" }]);
  });
});
