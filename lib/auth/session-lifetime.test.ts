import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { listSessions } from "@/lib/account/sessions";
import { resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { liveSession, openSession } from "./session-registry";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});
afterEach(() => resetClock());
const HOUR = 60 * 60 * 1000;

/** Uses the session every `everyHours` until `untilHours` after it opened; the last hour it was still open. */
async function keepUsing(sessionId: string, start: Date, everyHours: number, untilHours: number): Promise<number> {
  let open = 0;
  for (let h = everyHours; h <= untilHours; h += everyHours) {
    setClock(new Date(start.getTime() + h * HOUR));
    if (!(await liveSession(sessionId))) break;
    open = h;
  }
  return open;
}

describe("finding 8: an absolute session lifetime besides the sliding one", () => {
  it("a customer's session ends 24 hours after it opened, however busy; staff's after 12", async () => {
    const start = new Date();
    setClock(start);
    const c = await createTestCustomer();
    const customer = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    const staffId = (await db.staffUser.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } })).id;
    const staff = await openSession({ subject: { kind: "STAFF", staffId }, method: "password+totp" });

    expect(await keepUsing(staff.sessionId, start, 1, 30)).toBe(11);
    setClock(start);
    expect(await keepUsing(customer.sessionId, start, 1, 30)).toBe(23);
    // Nor does Dispositivi connessi list it any more.
    expect(await listSessions({ owner: { customerId: c.customerId } })).toEqual([]);
  });

  it("the sliding expiry still applies: 8 hours without use end it sooner", async () => {
    const start = new Date();
    setClock(start);
    const c = await createTestCustomer();
    const { sessionId } = await openSession({ subject: { kind: "PEC", customerId: c.customerId, pecServiceId: c.pecServiceId }, method: "password" });
    setClock(new Date(start.getTime() + 8 * HOUR + 1000));
    expect(await liveSession(sessionId)).toBeNull();
  });
});
