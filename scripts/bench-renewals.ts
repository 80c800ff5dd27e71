/**
 * Renewal engine benchmark: N customers, each with a SPID due for automatic renewal (expiring in
 * 3 days, saved card, ceiling), renewed by TWO standalone worker processes (`scripts/worker.ts`)
 * through the real jobs: the daily `renewals.run` fans out one `renewals.service` job per service,
 * and the benchmark enqueues a second, duplicate job for every service, so that the workers
 * race for each one. A few cards always decline (0341) and one renewal is above its ceiling.
 * Prints renewals per second and the workers' memory, then checks with SQL that no service got
 * two orders for one period and no order was charged twice.
 *
 *   npm run bench:renewals -- [--services 10000]
 *
 * Needs PostgreSQL: DATABASE_URL when it is postgres://… (used as is), otherwise a fresh database
 * on the throw-away server of scripts/pg-server.sh (started, and stopped at the end, if needed).
 */
import "./server-only-hook";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";

/** `--name N` or `--name=N`. */
const arg = (name: string, fallback: number) => {
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (inline) return Number(inline.slice(name.length + 3));
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("services", 10_000);
const DECLINE_EVERY = 50;
const DAY = 86_400_000;

// ---- the database ----------------------------------------------------------------------------
let startedServer = false;
let dropDatabase: (() => Promise<void>) | undefined;
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
  let serverUrl: string;
  try {
    serverUrl = execFileSync("bash", ["scripts/pg-server.sh", "url"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    serverUrl = execFileSync("bash", ["scripts/pg-server.sh", "start"], { encoding: "utf8" }).trim();
    startedServer = true;
  }
  const name = `bench_renewals_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  console.log(`bench:renewals: fresh database ${name}${startedServer ? " on a throw-away server" : " on the running throw-away server"}`);
}
execFileSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });

const { getDb, disconnectDb } = await import("../lib/db");
const { hashPassword } = await import("../lib/auth/passwords");
const { seedDemoData } = await import("../lib/demo/seed");
const { saveSandboxCard } = await import("../lib/demo/sandbox-cards");
const { enqueueJob } = await import("../lib/jobs");
const { withVat } = await import("../lib/money");
const { romeDay } = await import("../lib/renewals/schedule");
const db = getDb();
await seedDemoData(db);

// ---- N customers with a SPID due -------------------------------------------------------------
console.log(`bench:renewals: preparing ${N} customers with a SPID expiring in 3 days…`);
const spidPrice = (await db.product.findUniqueOrThrow({ where: { code: "SPID" } })).yearlyPriceCents;
const total = withVat(spidPrice).totalCents;
const passwordHash = await hashPassword(randomBytes(12).toString("hex"));
const runTag = randomBytes(3).toString("hex");
const serviceIds: string[] = [];
let prepared = 0;
async function prepare(i: number) {
  const tag = `${runTag}${String(i).padStart(6, "0")}`;
  const declines = i % DECLINE_EVERY === 1;
  const aboveCeiling = i === 2;
  const at = Date.now();
  const id = await db.$transaction(async (tx) => {
    const c = await tx.customer.create({
      data: {
        username: `bench.${tag}`, passwordHash, customerCode: `B${tag}`, displayName: `Cliente Bench ${tag}`, email: `bench.${tag}@example.it`,
        services: { create: [{ productCode: "SPID", name: `SPID ${tag}`, activatedAt: new Date(at - 362 * DAY), expiresAt: new Date(at + 3 * DAY), autoRenewal: true, renewalPriceCents: spidPrice }] },
      },
      select: { id: true, services: { select: { id: true } } },
    });
    const card = await saveSandboxCard(tx, { customerId: c.id, number: declines ? "4000000000000341" : "4242424242424242", holder: `Cliente Bench ${tag}`, expMonth: 12, expYear: new Date().getUTCFullYear() + 3 });
    await tx.customer.update({ where: { id: c.id }, data: { renewalCardId: card.id } });
    await tx.ceilingConsent.create({ data: { customerId: c.id, cardId: card.id, amountCents: aboveCeiling ? total - 1 : total } });
    return c.services[0].id;
  });
  serviceIds.push(id);
  if (++prepared % 500 === 0) console.log(`  ${prepared}/${N}`);
}
let next = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (next < N) await prepare(next++);
}));
const declining = Array.from({ length: N }, (_, i) => i).filter((i) => i % DECLINE_EVERY === 1).length;
const aboveCeiling = N > 2 ? 1 : 0;

// ---- two workers ------------------------------------------------------------------------------
// Their own daily scheduling is off: the clock starts when both poll and the run is enqueued.
const workers: ChildProcess[] = [0, 1].map(() =>
  spawn(process.execPath, [...(process.env.BENCH_WORKER_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF}`] : []), "--import", "tsx", "scripts/worker.ts"], { env: { ...process.env, WORKER_POLL_MS: "200", RENEWALS_DAILY_AT: "off" }, stdio: ["ignore", "pipe", "inherit"] }),
);
await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
  w.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("polling") && resolve());
  w.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
})));
for (const w of workers) w.stdout!.resume();

// The day's run, which fans out one job per service due, plus a duplicate job per service.
const day = romeDay(new Date());
const started = performance.now();
await enqueueJob(db, { type: "renewals.run", payload: { day }, uniqueKey: `renewals.run:${day}` });
await db.job.createMany({ data: serviceIds.map((serviceId) => ({ type: "renewals.service", payload: { serviceId, day }, uniqueKey: `bench-duplicate:${serviceId}` })) });
const rssOf = (p: ChildProcess) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};
const peakRss = [0, 0];
let lastReport = started;
/** The day's run has fanned out and every renewal job due has finished. */
async function renewalsSettled() {
  const ran = await db.job.count({ where: { uniqueKey: `renewals.run:${day}`, status: { in: ["DONE", "FAILED"] } } });
  const open = await db.job.count({ where: { type: { in: ["renewals.run", "renewals.service"] }, status: { in: ["PENDING", "RUNNING"] }, runAt: { lte: new Date() } } });
  return ran === 1 && open === 0;
}
let renewSeconds = 0;
for (;;) {
  workers.forEach((w, i) => (peakRss[i] = Math.max(peakRss[i], rssOf(w))));
  if (!renewSeconds && (await renewalsSettled())) renewSeconds = (performance.now() - started) / 1000;
  if (renewSeconds && (await db.job.count({ where: { type: "email.send", status: { in: ["PENDING", "RUNNING"] } } })) === 0) break;
  if (performance.now() - started > 30 * 60_000) throw new Error("bench:renewals: gave up after 30 minutes");
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(`  ${await db.order.count({ where: { renewalKey: { not: null }, status: "PAID" } })} paid after ${((lastReport - started) / 1000).toFixed(0)} s`);
  }
  await new Promise((r) => setTimeout(r, 250));
}
const allSeconds = (performance.now() - started) / 1000;
await Promise.all(workers.map((w) => new Promise((r) => { w.once("exit", r); w.kill("SIGTERM"); })));

// ---- checks -------------------------------------------------------------------------------------
const q = <T>(sql: TemplateStringsArray, ...values: unknown[]) => db.$queryRaw<T[]>(sql, ...values);
const [counts] = await q<{ orders: bigint; paid: bigint; awaiting: bigint; failedJobs: bigint }>`
  SELECT count(*) AS orders, count(*) FILTER (WHERE o.status = 'PAID') AS paid, count(*) FILTER (WHERE o.status = 'AWAITING_PAYMENT') AS awaiting,
    (SELECT count(*) FROM "Job" WHERE status = 'FAILED') AS "failedJobs"
  FROM "Order" o WHERE o."renewalKey" IS NOT NULL AND o."serviceId" = ANY(${serviceIds}::uuid[])`;
const [doubleOrders] = await q<{ n: bigint }>`
  SELECT count(*) AS n FROM (SELECT "serviceId" FROM "Order" WHERE kind = 'RENEWAL' AND "serviceId" = ANY(${serviceIds}::uuid[]) GROUP BY "serviceId" HAVING count(*) > 1) t`;
const [doubleCharges] = await q<{ n: bigint }>`
  SELECT count(*) AS n FROM (
    SELECT p."orderId" FROM "Payment" p JOIN "GwCharge" c ON c."merchantRef" = p.id::text AND c.status = 'SUCCEEDED' AND c."amountCents" > 0
    GROUP BY p."orderId" HAVING count(*) > 1) t`;
const [attempts] = await q<{ mit: bigint; maxPerOrder: number | null }>`
  SELECT count(*) AS mit, max(n)::int AS "maxPerOrder" FROM (
    SELECT p."orderId", count(*) AS n FROM "Payment" p JOIN "GwCharge" c ON c."merchantRef" = p.id::text AND c.initiator = 'MIT' GROUP BY p."orderId") t`;
const [mail] = await q<{ confirmations: bigint; failures: bigint }>`
  SELECT count(*) FILTER (WHERE template = 'payment-confirmed') AS confirmations, count(*) FILTER (WHERE template = 'renewal-failed') AS failures FROM "Email"`;

const paid = Number(counts.paid);
const expectedPaid = N - declining - aboveCeiling;
console.log(`bench:renewals: ${N} services due, two worker processes (scripts/worker.ts), every service enqueued twice`);
console.log(`  renewals settled in ${renewSeconds.toFixed(2)} s: ${(N / renewSeconds).toFixed(1)} renewals/s (${(paid / renewSeconds).toFixed(1)} paid/s); with e-mails delivered ${allSeconds.toFixed(2)} s`);
console.log(`  orders ${counts.orders} (paid ${paid}, awaiting payment ${counts.awaiting}: ${declining} declined cards, ${aboveCeiling} above the ceiling)`);
console.log(`  off-session charges at the bank ${attempts.mit}, at most ${attempts.maxPerOrder ?? 0} per order`);
console.log(`  e-mails: ${mail.confirmations} receipts, ${mail.failures} renewal failures; failed jobs ${counts.failedJobs}`);
console.log(`  services with two orders for one period: ${doubleOrders.n}   orders charged twice: ${doubleCharges.n}`);
console.log(`  worker peak RSS ${peakRss.map((b) => `${(b / 2 ** 20).toFixed(0)} MiB`).join(", ")}`);
const ok = Number(doubleOrders.n) === 0 && Number(doubleCharges.n) === 0 && Number(counts.orders) === N && paid === expectedPaid && (attempts.maxPerOrder ?? 0) <= 1;
await disconnectDb();
await dropDatabase?.();
if (startedServer) execFileSync("bash", ["scripts/pg-server.sh", "stop"]);
console.log(ok ? "bench:renewals: zero double orders, zero double charges" : `bench:renewals: FAILED (expected ${expectedPaid} paid orders, one order per service, one charge per order)`);
process.exit(ok ? 0 : 1);
