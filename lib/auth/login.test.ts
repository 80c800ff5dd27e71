import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { demoIds, seedDemoData } from "@/lib/demo/seed";
import { authenticateCustomer } from "./login";

beforeAll(async () => {
  await seedDemoData(getDb());
});

const ip = "203.0.113.7";

describe("authenticateCustomer", () => {
  it("accepts the username and password, and the PEC address with the mailbox's password", async () => {
    const byName = await authenticateCustomer({ method: "account", credentials: { username: "Mario.Rossi", password: "Demo1234!" }, ip });
    expect(byName).toEqual({ ok: true, customer: { customerId: demoIds.mario, username: "mario.rossi", pecServiceId: undefined } });
    const byPec = await authenticateCustomer({ method: "pec", credentials: { address: "MARIO.ROSSI@pec-demo.it", password: "Demo1234!" }, ip });
    expect(byPec).toEqual({ ok: true, customer: { customerId: demoIds.mario, username: "mario.rossi", pecServiceId: demoIds.marioPec } });
    expect(await getDb().auditLog.count({ where: { action: "auth.login", entityId: demoIds.mario } })).toBe(2);
  });

  it("gives the same answer for a wrong password, an unknown user and malformed input", async () => {
    const answers = await Promise.all([
      authenticateCustomer({ method: "account", credentials: { username: "anna.bianchi", password: "nope" }, ip }),
      authenticateCustomer({ method: "account", credentials: { username: "nobody", password: "Demo1234!" }, ip }),
      authenticateCustomer({ method: "pec", credentials: { address: "not an address", password: "x" }, ip }),
      authenticateCustomer({ method: "account", credentials: { username: ["array"], password: 42 }, ip }),
      authenticateCustomer({ method: "account", credentials: undefined, ip }),
    ]);
    for (const answer of answers) expect(answer).toEqual({ ok: false, error: "invalid_credentials" });
  });

  it("blocks a login name after five failures, even with the right password, and e-mails the owner once", async () => {
    const db = getDb();
    const owner = { method: "pec" as const, ip: "198.51.100.1" };
    for (let i = 0; i < 5; i++) {
      const r = await authenticateCustomer({ ...owner, credentials: { address: "protocollo@pec-demo.it", password: `wrong${i}` } });
      expect(r).toEqual({ ok: false, error: "invalid_credentials" });
    }
    const blocked = await authenticateCustomer({ ...owner, credentials: { address: "protocollo@pec-demo.it", password: "Demo1234!" } });
    expect(blocked).toMatchObject({ ok: false, error: "rate_limited" });
    if (blocked.ok || blocked.error !== "rate_limited") throw new Error("expected a block");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

    // The block is per login name: the same customer's username still works.
    const other = await authenticateCustomer({ method: "account", credentials: { username: "anna.bianchi", password: "Demo1234!" }, ip: "198.51.100.2" });
    expect(other.ok).toBe(true);

    const emails = await db.email.findMany({ where: { to: "anna.bianchi@example.it" }, select: { template: true } });
    expect(emails).toEqual([{ template: "login-locked" }]);
    expect(await db.job.count({ where: { type: "email.send" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "auth.locked", entityId: demoIds.anna } })).toBe(1);
  });

  it("blocks names that do not exist too, so that a block reveals nothing", async () => {
    for (let i = 0; i < 5; i++) {
      await authenticateCustomer({ method: "account", credentials: { username: "ghost", password: "x" }, ip: "192.0.2.9" });
    }
    const r = await authenticateCustomer({ method: "account", credentials: { username: "ghost", password: "x" }, ip: "192.0.2.9" });
    expect(r).toMatchObject({ ok: false, error: "rate_limited" });
  });
});
