// Issue 11, defect 5: "Login limits check first and count later: 200 parallel wrong passwords all
// get through the check." The allowance must be consumed, atomically, before the password is
// verified, so that however many attempts arrive at once, at most the allowance is verified.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { authenticateCustomer } from "./login";
import { MAX_LOGIN_FAILURES } from "./rate-limit";
import { authenticateStaff } from "./staff-login";

beforeAll(async () => {
  await seedDemoData(getDb());
});

const PARALLEL = 200;
let ipSeq = 0;
/** A new client address each time, so that only the per-name limit is in play. */
const freshIp = () => `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`;

function tally(results: { ok: boolean; error?: string }[]) {
  const count = (error: string) => results.filter((r) => !r.ok && r.error === error).length;
  return { ok: results.filter((r) => r.ok).length, invalid: count("invalid_credentials"), limited: count("rate_limited") };
}

describe("defect 5: login limits consumed before the password is checked", () => {
  it(`${PARALLEL} parallel wrong passwords for one customer name: at most ${MAX_LOGIN_FAILURES} are verified, the rest are refused as rate limited`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        authenticateCustomer({ method: "account", credentials: { username: "mario.rossi", password: `wrong-${i}` }, ip: freshIp() }),
      ),
    );
    expect(tally(results)).toEqual({ ok: 0, invalid: MAX_LOGIN_FAILURES, limited: PARALLEL - MAX_LOGIN_FAILURES });
    // The name stays blocked: the right password is refused too.
    const right = await authenticateCustomer({ method: "account", credentials: { username: "mario.rossi", password: "Demo1234!" }, ip: freshIp() });
    expect(right).toMatchObject({ ok: false, error: "rate_limited" });
  });

  it(`${PARALLEL} parallel wrong passwords for one staff name: at most ${MAX_LOGIN_FAILURES} are verified`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => authenticateStaff({ credentials: { username: "supporto", password: `wrong-${i}` }, ip: freshIp() })),
    );
    expect(tally(results)).toEqual({ ok: 0, invalid: MAX_LOGIN_FAILURES, limited: PARALLEL - MAX_LOGIN_FAILURES });
  });

  it(`${PARALLEL} parallel wrong passwords from one address over many names: at most 30 are verified`, async () => {
    const results = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => authenticateCustomer({ method: "account", credentials: { username: `nobody-${i}`, password: "x" }, ip: "198.51.100.200" })),
    );
    expect(tally(results)).toEqual({ ok: 0, invalid: 30, limited: PARALLEL - 30 });
  });

  it("a success gives the allowance back: four failures, a success, then five more failures are verified", async () => {
    const ip = freshIp();
    const attempt = (password: string) => authenticateCustomer({ method: "account", credentials: { username: "anna.bianchi", password }, ip });
    for (let i = 0; i < MAX_LOGIN_FAILURES - 1; i++) expect(await attempt(`wrong-${i}`)).toEqual({ ok: false, error: "invalid_credentials" });
    expect((await attempt("Demo1234!")).ok).toBe(true);
    for (let i = 0; i < MAX_LOGIN_FAILURES; i++) expect(await attempt(`again-${i}`)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await attempt("Demo1234!")).toMatchObject({ ok: false, error: "rate_limited" });
  });
});
