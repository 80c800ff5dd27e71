import { beforeAll, describe, expect, it, vi } from "vitest";
import { useSession } from "@/tests/request";

// getServerSession runs next-auth's own session action (the code behind GET /api/auth/session,
// our callbacks included) on the cookie of tests/request.ts; it answers null where the endpoint
// answers `{}`.
vi.mock("next/headers", () => import("@/tests/request").then((m) => m.nextHeaders));
vi.mock("next-auth", (original) => import("@/tests/request").then((m) => m.nextAuthReadingCookies(original)));

const { getServerSession } = await import("next-auth");
const route = await import("@/app/api/auth/[...nextauth]/route");
const { getDb } = await import("@/lib/db");
const { createTestCustomer } = await import("@/lib/demo/fixtures");
const { seedDemoData } = await import("@/lib/demo/seed");
const { authOptions } = await import("./options");
const { openSession, revokeSessions } = await import("./session-registry");

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});
const endpointSession = () => getServerSession(authOptions());

describe("finding 7: next-auth's own endpoints follow the session registry", () => {
  it("the session endpoint answers nothing for a session signed out, nor for a disabled member of staff", async () => {
    const c = await createTestCustomer();
    const { sessionId } = await openSession({ subject: { kind: "ACCOUNT", customerId: c.customerId }, method: "password" });
    await useSession({ sessionId, customerId: c.customerId, name: c.username });
    expect(await endpointSession()).toMatchObject({ customerId: c.customerId, sessionId });
    await db.$transaction((tx) => revokeSessions(tx, { owner: { customerId: c.customerId }, reason: "logout" }));
    expect(await endpointSession()).toBeNull();

    const staff = await db.staffUser.findUniqueOrThrow({ where: { username: "admin" }, select: { id: true } });
    const opened = await openSession({ subject: { kind: "STAFF", staffId: staff.id }, method: "password+totp" });
    await useSession({ sessionId: opened.sessionId, staffId: staff.id, staffRole: "AMMINISTRAZIONE", name: "admin" });
    expect(await endpointSession()).toMatchObject({ staffId: staff.id, sessionId: opened.sessionId });
    await db.staffUser.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    expect(await endpointSession()).toBeNull();
    await db.staffUser.update({ where: { id: staff.id }, data: { disabledAt: null } });

    // A cookie naming another account's session row opens neither.
    const other = await createTestCustomer();
    const theirs = await openSession({ subject: { kind: "ACCOUNT", customerId: other.customerId }, method: "password" });
    await useSession({ sessionId: theirs.sessionId, customerId: c.customerId });
    expect(await endpointSession()).toBeNull();
  });

  it("POST /api/auth/signout is not offered: it would delete the cookie and leave the session open (the UI's “Esci” revokes it)", async () => {
    const signOut = (method: "GET" | "POST") =>
      route[method](new Request("http://127.0.0.1/api/auth/signout", { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: method === "POST" ? "csrfToken=x" : undefined }), { params: Promise.resolve({ nextauth: ["signout"] }) });
    expect((await signOut("POST")).status).toBe(404);
    expect((await signOut("GET")).status).toBe(404);
  });
});
