/**
 * `npm run bench`: the production build on PostgreSQL under load, one report.
 *
 * - The home page, a service page and the orders page of a logged-in customer (mario.rossi), and a
 *   bare dynamic page of the same build (`/dev/baseline`) as the baseline, at 8, 32 and 128
 *   concurrent connections: requests/s, p50/p95/p99 latency, errors, the server's peak memory.
 * - First-load JavaScript (gzip) of the main pages, from the build's diagnostics.
 * - Lighthouse (mobile emulation, the machine's Chromium) on the login, the home page, an order's
 *   pay page and Paga fattura: performance and accessibility scores (scripts/bench-lighthouse.ts).
 * - With `--all`, the payment and renewal benchmarks (scripts/bench-pay.ts, bench-renewals.ts).
 *
 * Uses DATABASE_URL when it is a postgres:// URL (a new database on that server), else starts a
 * throw-away PostgreSQL (scripts/pg-server.sh). Builds unless `--no-build`.
 * Options: --seconds=N per run (default 10), --all. The report goes to bench-results/.
 */
import "./server-only-hook";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { firstLoadJs, login, measure, waitReady, type HttpResult } from "./bench-http";
import { runLighthouse, type LighthouseResult } from "./bench-lighthouse";

const args = new Set(process.argv.slice(2));
const seconds = Number([...args].find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 10);
const PORT = 3400;
const baseUrl = `http://127.0.0.1:${PORT}`;
const PG_STATE = "/tmp/area-clienti-bench-pg.state";

const ownServer = !/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");
const serverUrl = ownServer
  ? execFileSync("bash", ["scripts/pg-server.sh", "start"], { env: { ...process.env, PG_STATE_FILE: PG_STATE }, encoding: "utf8" }).trim()
  : process.env.DATABASE_URL!;
const dbName = `bench_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(serverUrl);
url.pathname = `/${dbName}`;
const env: NodeJS.ProcessEnv = {
  ...process.env, DATABASE_URL: url.toString(), NODE_ENV: "production", AREA_DEMO: "1", AREA_DEV_TOOLS: "1", RENEWALS_DAILY_AT: "off", WORKER_IN_PROCESS: "0",
  NEXTAUTH_URL: baseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("hex"), GATEWAY_SECRET: randomBytes(32).toString("hex"), NEXT_TELEMETRY_DISABLED: "1",
};
const run = (cmd: string, argv: string[]) => execFileSync(cmd, argv, { env, stdio: ["ignore", "inherit", "inherit"] });

let server: ReturnType<typeof spawn> | undefined;
try {
  run("npx", ["tsx", "scripts/db.ts", "migrate"]);
  run("npx", ["tsx", "scripts/seed.ts"]);
  if (!args.has("--no-build")) run("npx", ["next", "build"]);
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  server = next;
  await waitReady(baseUrl);
  const cookie = await login(baseUrl, "mario.rossi", "Demo1234!");
  const home = await (await fetch(baseUrl + "/", { headers: { cookie } })).text();
  if (!home.includes("mario.rossi@pec-demo.it")) throw new Error("bench: the home page did not show mario.rossi's services");

  const { demoIds } = await import("../lib/demo/seed");
  const paths = ["/dev/baseline", "/", `/servizi/${demoIds.marioPec}`, "/ordini"];
  const results: HttpResult[] = [];
  for (const path of paths) {
    await measure({ baseUrl, path, cookie, connections: 8, seconds: 2, serverPid: next.pid! }); // warm-up
    for (const connections of [8, 32, 128]) {
      const r = await measure({ baseUrl, path, cookie, connections, seconds, serverPid: next.pid! });
      results.push(r);
      console.log(`bench: ${path} c=${connections} ${r.rps.toFixed(0)} req/s p50 ${r.p50} ms p95 ${r.p95} ms p99 ${r.p99} ms errors ${r.errors + r.non2xx}`);
    }
  }
  const js = firstLoadJs(["/", "/servizi/[id]", "/ordini", "/ordini/[id]/paga", "/metodi-di-pagamento", "/fatture", "/paga-fattura", "/login", "/assistenza", "/il-mio-account", "/dev/baseline"]);
  const orders = await (await fetch(baseUrl + "/ordini?stato=AWAITING_PAYMENT", { headers: { cookie } })).text();
  const payPath = /\/ordini\/[0-9a-f-]{36}\/paga/.exec(orders)?.[0];
  if (!payPath) throw new Error("bench: mario.rossi has no order awaiting payment to open the pay page of");
  const scores = await runLighthouse(baseUrl, [
    { name: "login", path: "/login" },
    { name: "home (I miei servizi)", path: "/", cookie },
    { name: "pay page (order awaiting payment)", path: payPath, cookie },
    { name: "Paga fattura", path: "/paga-fattura" },
  ]);
  for (const s of scores) console.log(`bench: lighthouse ${s.path} performance ${s.performance} accessibility ${s.accessibility}`);
  const extra = args.has("--all") ? otherBenchmarks() : "";
  report(results, js, scores, extra);
} finally {
  server?.kill("SIGTERM");
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
  await admin.end();
  if (ownServer) execFileSync("bash", ["scripts/pg-server.sh", "stop"], { env: { ...process.env, PG_STATE_FILE: PG_STATE } });
}

function otherBenchmarks(): string {
  const out = (script: string) => execFileSync("npx", ["tsx", script], { env: { ...env, NODE_ENV: "development" } as NodeJS.ProcessEnv, encoding: "utf8" });
  return ["", "## Payments (scripts/bench-pay.ts)", "```", out("scripts/bench-pay.ts").trim(), "```", "", "## Renewals (scripts/bench-renewals.ts)", "```", out("scripts/bench-renewals.ts").trim(), "```"].join("\n");
}

function report(results: HttpResult[], js: ReturnType<typeof firstLoadJs>, scores: LighthouseResult[], extra: string) {
  const baseline = new Map(results.filter((r) => r.path === "/dev/baseline").map((r) => [r.connections, r.rps]));
  const lines = [
    `# Benchmark ${new Date().toISOString()}`,
    "",
    `Production build on PostgreSQL, ${seconds} s per run, logged in as mario.rossi; node ${process.version}, ${execFileSync("nproc", { encoding: "utf8" }).trim()} cores.`,
    "",
    "| page | connections | req/s | vs baseline | p50 ms | p95 ms | p99 ms | errors | server RSS peak MiB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| ${r.path} | ${r.connections} | ${r.rps.toFixed(0)} | ${(r.rps / (baseline.get(r.connections) ?? NaN)).toFixed(2)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors + r.non2xx} | ${r.rssMaxMiB} |`),
    "",
    "| page | first-load JS gzip KiB | uncompressed KiB |",
    "|---|---:|---:|",
    ...js.map((j) => `| ${j.route} | ${j.gzipKiB} | ${j.rawKiB} |`),
    "",
    "Lighthouse 12 (mobile emulation: simulated slow 4G and 4x CPU slowdown):",
    "",
    "| page | performance | accessibility | audits below 1 |",
    "|---|---:|---:|---|",
    ...scores.map((s) => `| ${s.name} | ${s.performance} | ${s.accessibility} | ${s.failedAudits.join(", ") || "none"} |`),
    ...scores.flatMap((s) => s.accessibilityIssues.map((issue) => `- ${s.path}: ${issue}`)),
    extra,
  ];
  mkdirSync("bench-results", { recursive: true });
  const file = `bench-results/bench-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.md`;
  writeFileSync(file, lines.join("\n") + "\n");
  console.log(lines.join("\n"));
  console.log(`bench: report written to ${file}`);
}
