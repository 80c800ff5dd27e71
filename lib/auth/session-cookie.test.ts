import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionClaims } from "./session-cookie";

const secret = "s".repeat(64);
const jar = (cookies: Record<string, string>) => ({ getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) });
const claims = { sid: "00000000-0000-4000-8000-000000000001", name: "mario.rossi", customerId: "00000000-0000-4000-8000-000000000002", pecServiceId: "00000000-0000-4000-8000-000000000003" };

describe("the session cookie, read without next-auth's getServerSession", () => {
  it("reads what next-auth wrote", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await sessionClaims(jar({ "next-auth.session-token": token }), secret)).toEqual({
      sessionId: claims.sid, username: "mario.rossi", customerId: claims.customerId, pecServiceId: claims.pecServiceId, staffId: undefined, staffRole: undefined,
    });
  });

  it("joins a cookie next-auth split into chunks", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    const cut = Math.floor(token.length / 2);
    const read = await sessionClaims(jar({ "next-auth.session-token.1": token.slice(cut), "next-auth.session-token.0": token.slice(0, cut) }), secret);
    expect(read?.sessionId).toBe(claims.sid);
  });

  it("refuses another secret's cookie, a tampered one and an expired one", async () => {
    const other = await encode({ token: claims, secret: "t".repeat(64), maxAge: 60 });
    expect(await sessionClaims(jar({ "next-auth.session-token": other }), secret)).toBeNull();
    const token = await encode({ token: claims, secret, maxAge: 60 });
    const tampered = token.slice(0, -3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    expect(await sessionClaims(jar({ "next-auth.session-token": tampered }), secret)).toBeNull();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    expect(await sessionClaims(jar({ "next-auth.session-token": expired }), secret)).toBeNull();
  });

  it("reads no other cookie, and no bearer token", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await sessionClaims(jar({ "other-cookie": token }), secret)).toBeNull();
    expect(await sessionClaims(jar({}), secret)).toBeNull();
  });
});
