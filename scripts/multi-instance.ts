/**
 * Past one machine: two production servers and two job workers on one PostgreSQL (DATABASE_URL,
 * an empty database). Proves that nothing that matters lives in one process's memory:
 * - a session opened on server A is valid on server B (stateless signed JWT);
 * - failed logins sent alternately to A and B are counted together (rate limits in the database);
 * - 200 queued e-mails are delivered exactly once by the two workers together, both working;
 * - the recurring reconciliation is scheduled once per slot, whoever starts first.
 * Needs a production build (`next build`). Run by .ci/run; exits non-zero on a failure.
 */
import "./server-only-hook";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { login, waitReady } from "./bench-http";

if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) throw new Error("multi-instance: DATABASE_URL must be a postgres:// URL");
const ports = [3501, 3502];
const urls = ports.map((p) => `http://127.0.0.1:${p}`);
const env: NodeJS.ProcessEnv = {
  ...process.env, NODE_ENV: "production", AREA_DEMO: "1", WORKER_IN_PROCESS: "0", WORKER_POLL_MS: "200", RENEWALS_DAILY_AT: "off", AREA_DEV_TOOLS: "1",
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"), GATEWAY_SECRET: randomBytes(32).toString("hex"), NEXTAUTH_URL: urls[0],
};
execFileSync("npx", ["tsx", "scripts/db.ts", "migrate"], { env, stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/seed.ts"], { env, stdio: "inherit" });

const { getDb, disconnectDb } = await import("../lib/db");
const { queueEmail } = await import("../lib/email");
const db = getDb();

const children: ChildProcess[] = [];
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`multi-instance: ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
try {
  for (const port of ports) children.push(spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] }));
  for (let i = 0; i < 2; i++) children.push(spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, stdio: ["ignore", "ignore", "inherit"] }));
  await Promise.all(urls.map((url) => waitReady(url)));

  // Sessions: opened on A, used on B.
  const cookie = await login(urls[0], "mario.rossi", "Demo1234!");
  const onB = await fetch(`${urls[1]}/`, { headers: { cookie }, redirect: "manual" });
  check(onB.status === 200 && (await onB.text()).includes("mario.rossi@pec-demo.it"), "a session opened on server A opens the area on server B");

  // Rate limits: 5 failures for one name, alternating servers, block it on both.
  for (let i = 0; i < 5; i++) await attemptLogin(urls[i % 2], "anna.bianchi", `wrong-${i}`);
  const afterA = await attemptLogin(urls[0], "anna.bianchi", "Demo1234!");
  const afterB = await attemptLogin(urls[1], "anna.bianchi", "Demo1234!");
  check(afterA.includes("rate_limited") && afterB.includes("rate_limited"), "five failures spread over A and B block the name on both (even with the right password)");

  // Jobs: 200 e-mails, two workers, each delivered once.
  const to = (i: number) => `multi-${i}@example.it`;
  await db.$transaction(async (tx) => {
    for (let i = 0; i < 200; i++) await queueEmail(tx, { to: to(i), locale: "it", template: "login-locked", props: { name: `Cliente ${i}`, unlockAt: new Date().toISOString() } });
  }, { timeout: 60_000 });
  const deadline = Date.now() + 90_000;
  let delivered = 0;
  while (Date.now() < deadline && delivered < 200) {
    await new Promise((r) => setTimeout(r, 500));
    delivered = await db.mailboxMessage.count({ where: { to: { startsWith: "multi-" } } });
  }
  const perAddress = await db.mailboxMessage.groupBy({ by: ["to"], where: { to: { startsWith: "multi-" } }, _count: true });
  check(delivered === 200 && perAddress.every((r) => r._count === 1), `200 e-mails delivered exactly once (delivered ${delivered})`);
  const byWorker = await db.job.groupBy({ by: ["lockedBy"], where: { type: "email.send", status: "DONE" }, _count: true });
  check(byWorker.filter((w) => w.lockedBy).length >= 2, `both workers delivered some (${byWorker.map((w) => `${w.lockedBy}: ${w._count}`).join(", ")})`);

  const slots = await db.job.groupBy({ by: ["uniqueKey"], where: { type: "payments.reconcile" }, _count: true });
  check(slots.length > 0 && slots.every((s) => s._count === 1), `the reconciliation is scheduled once per slot (${slots.length} slots)`);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await disconnectDb();
}
console.log(`multi-instance: ${failures.length === 0 ? "passed" : `${failures.length} failed`}`);
process.exit(failures.length ? 1 : 0);

/** One login attempt through next-auth's endpoint; returns where it would send the browser. */
async function attemptLogin(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/account`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": "203.0.113.7" },
    body: new URLSearchParams({ username, password, csrfToken, json: "true" }),
  });
  return decodeURIComponent((await res.json().catch(() => ({ url: "" })) as { url: string }).url);
}
