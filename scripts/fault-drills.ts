/**
 * Fault drills against the production build, on a throw-away PostgreSQL cluster of their own
 * (scripts/pg-server.sh with PG_STATE_FILE=/tmp/pg-drills.state, so restarting it hurts nobody):
 *
 * 1. The server SIGKILLed at each step of a payment (failpoints, lib/ops/failpoints.ts): after a
 *    restart nothing is lost, nothing is charged twice, the stuck payments settle within a minute
 *    (production cadence: reconciliation every 30 s for attempts idle 20 s) and each e-mail leaves
 *    once.
 * 2. The e-mail provider down for a while (a fake Resend: 500/503, a lost answer, an answer that
 *    never comes): every e-mail is delivered once it recovers, none twice.
 * 3. PostgreSQL restarted under traffic: clean 5xx while it is away, 200 again soon after without
 *    restarting the app or the worker.
 *
 * Run: `npx tsx scripts/fault-drills.ts` after `next build`. Prints ok/FAIL lines; exits 1 on a
 * failure. Process output goes to a temporary directory, kept (and named) when something failed.
 */
import "./server-only-hook";
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startFakeResend } from "./drills/fake-resend";
import { check, failures, freePort, killAll, login, secs, sleep, startServer, startWorker, stopProc, waitReady, type Proc } from "./drills/harness";

const started = Date.now();
const pgEnv = { ...process.env, PG_STATE_FILE: "/tmp/pg-drills.state" };
const pg = (...args: string[]) => execFileSync("bash", ["scripts/pg-server.sh", ...args], { env: pgEnv, encoding: "utf8" }).trim();
const logDir = mkdtempSync(path.join(tmpdir(), "fault-drills-"));
const procs: Proc[] = [];

const onSignal = () => {
  killAll();
  try {
    pg("stop");
  } catch {
    /* best effort */
  }
  process.exit(130);
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const databaseUrl = pg("start");
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The drill's own process signs the bank's redirects and queues e-mails: same secrets and database.
Object.assign(process.env, {
  DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), GATEWAY_SECRET: randomBytes(32).toString("hex"), NEXTAUTH_URL: base,
});
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", AREA_DEMO: "1", WORKER_IN_PROCESS: "0", RENEWALS_DAILY_AT: "off", AREA_DEV_TOOLS: "1", LOG_LEVEL: "warn" };
delete env.AREA_FAILPOINT;
delete env.RESEND_API_KEY;

let exitCode = 1;
try {
  execFileSync("npx", ["tsx", "scripts/db.ts", "migrate"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("npx", ["tsx", "scripts/seed.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const { db, disconnectDb } = await import("../lib/db");
  const { queueEmail } = await import("../lib/email");
  const payments = await import("./drills/payments");
  const ctx = { base, port, env, logDir };
  console.log(`fault-drills: database ready, ${secs(Date.now() - started)}`);

  // 1. One short server life per failpoint.
  const killStart = Date.now();
  await payments.killPhase(ctx);
  console.log(`fault-drills: ${payments.killCases.length} server lives killed in ${secs(Date.now() - killStart)}`);

  // Restart without failpoints: one server, two workers, e-mail through the fake Resend, which is down.
  const resend = await startFakeResend();
  const workerEnv = { ...env, RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url };
  resend.startOutage(10_000);
  const restartAt = Date.now();
  const server = startServer("final-server", port, env, logDir);
  const workers = [startWorker("final-worker-1", workerEnv, logDir), startWorker("final-worker-2", workerEnv, logDir)];
  procs.push(server, ...workers);
  await waitReady(base, server);
  console.log(`fault-drills: restarted, server ready in ${secs(Date.now() - restartAt)}`);

  // 2. Meanwhile: 30 e-mails queued while the provider is down.
  const N = 30;
  const drillMail = (i: number) => `drill-${i}@example.it`;
  const queuedAt = Date.now();
  const emailIds = await db.$transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push((await queueEmail(tx, { to: drillMail(i), locale: "it", template: "login-locked", props: { name: `Cliente ${i}`, unlockAt: new Date().toISOString() } })).emailId);
    return ids;
  });
  const emailDrill = (async () => {
    const deadline = Date.now() + 60_000;
    let sent = 0;
    while (Date.now() < deadline) {
      sent = await db.email.count({ where: { id: { in: emailIds }, status: "SENT" } });
      if (sent === N) break;
      await sleep(500);
    }
    return { sent, after: Date.now() - queuedAt };
  })();

  await payments.settlePhase(ctx, restartAt);

  const mail = await emailDrill;
  const perRecipient = Array.from({ length: N }, (_, i) => resend.inbox.filter((m) => m.to === drillMail(i)).length);
  const rows = await db.email.findMany({ where: { id: { in: emailIds } }, select: { id: true, status: true, providerMessageId: true } });
  const idOf = new Map(resend.inbox.map((m) => [m.key, m.id]));
  const consistent = rows.every((r) => r.status === "SENT" && r.providerMessageId === idOf.get(`email/${r.id}`));
  check(mail.sent === N, `e-mail provider down 10 s: all ${N} e-mails sent in the end (${mail.sent} after ${secs(mail.after)}; provider answered ${resend.stats.errors} errors, dropped 1 answer, left 1 unanswered: ${resend.stats.dropped + resend.stats.hung === 2 ? "yes" : "no"})`);
  check(perRecipient.every((n) => n === 1), `every e-mail delivered exactly once (per recipient: ${[...new Set(perRecipient)].join("/")}; ${resend.stats.replayed} retries answered from the idempotency key)`);
  check(consistent, "the outbox shows each one SENT with the provider's id of its only delivery");

  // The payments' own e-mails went through the same outage.
  const deliveredOnce = (emailId: string) => resend.inbox.filter((m) => m.key === `email/${emailId}`).length;
  const waitMails = Date.now() + 30_000;
  // Receipts are e-mailed by a job that first makes the PDF: wait for that job as well as the e-mails.
  const mailJobs = { type: { in: ["email.send", "receipts.send", "gateway.notify"] }, status: { in: ["PENDING" as const, "RUNNING" as const] } };
  let unsent = -1;
  while (Date.now() < waitMails && (unsent = (await db.email.count({ where: { status: { not: "SENT" } } })) + (await db.job.count({ where: mailJobs }))) > 0) await sleep(500);
  check(unsent === 0, `every e-mail of the drill left the outbox, none stuck behind an answer that never came (${unsent} e-mails or jobs left ${secs(Date.now() - restartAt)} after the restart)`);
  await payments.finalChecks(deliveredOnce);
  const doubles = resend.inbox.length - new Set(resend.inbox.map((m) => m.key)).size;
  check(doubles === 0 && resend.inbox.every((m) => m.key), `no e-mail of the whole drill delivered twice (${resend.inbox.length} delivered)`);

  // 3. PostgreSQL restarted under traffic.
  await databaseDrill(server, workers, async (i) => (await db.$transaction((tx) => queueEmail(tx, { to: `after-restart-${i}@example.it`, locale: "it", template: "login-locked", props: { name: "Cliente", unlockAt: new Date().toISOString() } }))).emailId, async (id) => (await db.email.findUnique({ where: { id }, select: { status: true } }))?.status === "SENT");

  for (const p of procs) await stopProc(p);
  await resend.close();
  await disconnectDb();
  exitCode = failures.length ? 1 : 0;
} catch (error) {
  console.error("fault-drills: aborted:", error);
  failures.push(String(error));
} finally {
  for (const p of procs) await stopProc(p, 2000);
  killAll();
  try {
    pg("stop");
  } catch (error) {
    console.error("fault-drills: could not stop PostgreSQL:", error);
  }
}
if (failures.length) console.log(`fault-drills: process output kept in ${logDir}`);
else rmSync(logDir, { recursive: true, force: true });
console.log(`fault-drills: ${failures.length === 0 ? "passed" : `${failures.length} failed`} in ${secs(Date.now() - started)}`);
process.exit(failures.length ? 1 : exitCode);

/**
 * Four browsers keep loading the home page, Ordini and /api/ready; PostgreSQL goes away for 3 s
 * and comes back. The server and the worker must stay up and recover on their own.
 */
async function databaseDrill(server: Proc, workers: Proc[], queueOne: (i: number) => Promise<string>, isSent: (id: string) => Promise<boolean>) {
  const cookie = (await login(base, "mario.rossi", "Demo1234!")).toString();
  const targets = [{ path: "/", cookie }, { path: "/ordini", cookie }, { path: "/api/ready", cookie: "" }];
  type Sample = { start: number; end: number; path: string; status: number | "error" | "timeout"; stack: boolean };
  const samples: Sample[] = [];
  let stop = false;
  const STACK = /\n\s+at |node_modules|PrismaClient|DriverAdapterError|ECONNREFUSED|\.ts:\d+/;
  const loop = async (k: number) => {
    for (let n = k; !stop; n++) {
      const t = targets[n % targets.length];
      const start = Date.now();
      let status: Sample["status"];
      let stack = false;
      try {
        const res = await fetch(base + t.path, { headers: t.cookie ? { cookie: t.cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(8000) });
        status = res.status;
        stack = STACK.test(await res.text());
      } catch (error) {
        status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
      }
      samples.push({ start, end: Date.now(), path: t.path, status, stack });
      await sleep(50);
    }
  };
  const loops = [0, 1, 2, 3].map(loop);
  await sleep(2000);
  const downAt = Date.now();
  await promisify(execFile)("bash", ["scripts/pg-server.sh", "restart", "3"], { env: pgEnv });
  const upAt = Date.now();
  // Recovered: from some moment on, every request answers 200. Give it up to 20 s, then 2 s of 200s.
  let recoveredAt = 0;
  const deadline = upAt + 20_000;
  while (Date.now() < deadline) {
    await sleep(250);
    const lastBad = samples.filter((s) => s.status !== 200).reduce((t, s) => Math.max(t, s.end), 0);
    const okSince = samples.filter((s) => s.status === 200 && s.start > Math.max(lastBad, upAt));
    if (new Set(okSince.map((s) => s.path)).size === targets.length && Date.now() - Math.max(lastBad, upAt) > 2000) {
      recoveredAt = Math.max(lastBad, upAt);
      break;
    }
  }
  stop = true;
  await Promise.all(loops);

  const before = samples.filter((s) => s.end < downAt);
  const during = samples.filter((s) => s.end >= downAt && s.start <= (recoveredAt || Date.now()));
  const failed = during.filter((s) => s.status !== 200);
  const unclean = during.filter((s) => typeof s.status !== "number" || (s.status !== 200 && s.status < 500) || s.stack);
  const slowest = Math.max(0, ...during.map((s) => s.end - s.start));
  check(before.length > 0 && before.every((s) => s.status === 200), `database drill: ${before.length} requests answered 200 before the restart`);
  check(failed.length > 0 && unclean.length === 0,
    `database down ${secs(upAt - downAt)}: ${failed.length} of ${during.length} requests failed, all cleanly (${[...new Set(failed.map((s) => `${s.path} ${s.status}`))].join(", ") || "none"}; no stack trace, no dropped connection)${unclean.length ? `; unclean: ${unclean.slice(0, 5).map((s) => `${s.path} ${s.status}${s.stack ? " with stack text" : ""}`).join(", ")}` : ""}`);
  check(slowest <= 5000, `no request hung while it was away (slowest ${secs(slowest)}, limit 5 s)`);
  check(recoveredAt > 0 && recoveredAt - upAt <= 10_000, `pages answer 200 again ${recoveredAt ? secs(recoveredAt - upAt) : "never (20 s)"} after PostgreSQL is back (≤ 10 s), without restarting the app`);
  const alive = [server, ...workers].every((p) => p.child.exitCode === null && p.child.signalCode === null);
  check(alive, "the server and both workers are still the same processes");
  const id = await queueOne(0);
  const sentBy = Date.now() + 15_000;
  let sent = false;
  while (!sent && Date.now() < sentBy) {
    await sleep(300);
    sent = await isSent(id);
  }
  check(sent, "the workers keep processing jobs after the restart (an e-mail queued afterwards is sent)");
}
