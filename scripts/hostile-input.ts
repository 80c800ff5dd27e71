/**
 * Hostile input, the access matrix and CSRF, against a production server on PostgreSQL
 * (DATABASE_URL, an empty database; needs `next build`). Run by .ci/run; exits non-zero on a failure.
 * - fuzzing (fast-check): every route handler, page and server action of the build, with
 *   malformed, oversized and wrong-typed input, with a customer's session, a staff session and
 *   none: no 5xx, no stack trace, and no change to the business tables (scripts/hostile/snapshot.ts);
 * - the access matrix: mario.rossi's URLs and actions with anna.bianchi's session and none;
 * - cross-site requests to actions and state-changing route handlers.
 * FUZZ_SEED replays a run (the seed is printed); FUZZ_RUNS scales the number of requests.
 */
import "./server-only-hook";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { login, loginAs, waitReady } from "./bench-http";
import { csrfControl, runCsrf } from "./hostile/csrf";
import { fuzzAll } from "./hostile/fuzz";
import { HostileClient } from "./hostile/http";
import { runMatrix, type MarioIds } from "./hostile/matrix";
import { changedTables, EXCLUDED_TABLES, excludedGrowth, snapshot } from "./hostile/snapshot";
import { readTargets } from "./hostile/targets";

const started = performance.now();
const dbUrl = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(dbUrl)) throw new Error("hostile-input: DATABASE_URL must be a postgres:// URL");
const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const scale = Number(process.env.FUZZ_RUNS ?? 1);
const port = Number(process.env.HOSTILE_PORT ?? 3511);
const base = `http://127.0.0.1:${port}`;
const gatewaySecret = randomBytes(32).toString("hex");
const SERVER_LOG = path.join(tmpdir(), `hostile-input-server-${process.pid}.log`);
// A production server as deployed: no development tools, no in-process worker (nothing runs
// behind the requests' back, so the checksum sees only what they did).
const env: NodeJS.ProcessEnv = {
  ...process.env, NODE_ENV: "production", AREA_DEMO: "1", WORKER_IN_PROCESS: "0", RENEWALS_DAILY_AT: "off", AREA_DEV_TOOLS: "0",
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"), GATEWAY_SECRET: gatewaySecret, NEXTAUTH_URL: base,
};
console.log(`hostile-input: seed ${seed} (replay with FUZZ_SEED=${seed}), runs ×${scale}`);
execFileSync("npx", ["tsx", "scripts/db.ts", "migrate"], { env, stdio: "inherit" });
execFileSync("npx", ["tsx", "scripts/seed.ts"], { env, stdio: "inherit" });
Object.assign(process.env, { GATEWAY_SECRET: gatewaySecret, NEXTAUTH_URL: base });

const { getDb, disconnectDb } = await import("../lib/db");
const db = getDb();
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`hostile-input: ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
let server: ChildProcess | undefined;
try {
  const ids = await prepareMario();
  // A member of staff whose first access is pending (one-time password not replaced, no
  // authenticator): the matrix checks that this session opens no back-office page or action.
  const { addStaff } = await import("../lib/staff-accounts");
  const pendingStaff = await addStaff({ username: "hostile.pending", role: "amministrazione" });
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "pipe"] });
  let serverLog = "";
  server.stderr!.on("data", (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-20_000);
    appendFileSync(SERVER_LOG, chunk);
  });
  await waitReady(base);
  // Staff give their authenticator's code too (mandatory second step; the demo seed's secrets).
  const { totpCode } = await import("../lib/auth/totp");
  const { DEMO_STAFF_TOTP } = await import("../lib/demo/seed");
  const sessions = {
    mario: await login(base, "mario.rossi", "Demo1234!"),
    anna: await login(base, "anna.bianchi", "Demo1234!"),
    admin: await loginAs(base, "staff", { username: "admin", password: "Demo1234!" }, { totp: () => totpCode(DEMO_STAFF_TOTP.admin) }),
    supporto: await loginAs(base, "staff", { username: "supporto", password: "Demo1234!" }, { totp: () => totpCode(DEMO_STAFF_TOTP.supporto) }),
    // mario through his PEC mailbox: that mailbox only.
    marioPec: await loginAs(base, "pec", { address: "mario.rossi@pec-demo.it", password: "Demo1234!" }),
    pendingStaff: await loginAs(base, "staff", { username: pendingStaff.username, password: pendingStaff.oneTimePassword }),
  };
  const client = new HostileClient(base, sessions);
  const targets = readTargets();
  console.log(`hostile-input: targets from the build: ${targets.routes.length} route handlers (${targets.routes.reduce((n, r) => n + r.methods.length, 0)} methods), ${targets.pages.length} pages, ${targets.actions.length} server actions, ${targets.queryNames.length} query names`);

  const before = await snapshot(dbUrl);
  const realIds = { id: [ids.order, ids.invoice, ids.service], cardId: [ids.card], receiptId: [ids.receipt], sessionId: [ids.gatewaySession], chargeId: [ids.gatewaySession] };
  // The sessions just opened: the matrix tries to sign them out as the wrong people.
  const [marioSession, adminSession] = await Promise.all([
    db.userSession.findFirstOrThrow({ where: { customerId: ids.customer, kind: "ACCOUNT" }, orderBy: { createdAt: "desc" }, select: { id: true } }),
    db.userSession.findFirstOrThrow({ where: { staff: { username: "admin" } }, orderBy: { createdAt: "desc" }, select: { id: true } }),
  ]);
  Object.assign(ids, { marioSession: marioSession.id, adminSession: adminSession.id });
  const fuzz = await fuzzAll(client, targets, realIds, seed, { routeRuns: 30 * scale, pageRuns: 8 * scale, actionRuns: 24 * scale, width: 4 });
  check(client.failures.length === 0, `fuzzing: ${fuzz.drawn} hostile requests in ${fuzz.seconds.toFixed(1)} s, no 5xx and no stack trace${client.failures.length ? ` (${client.failures.length} distinct failures, ${client.repeats()} requests):\n    ${client.failures.join("\n    ")}` : ""}`);
  if (client.decodeFailures) console.log(`hostile-input: note ${client.decodeFailures} requests with a malformed %-escape in a dynamic segment got Next's own bare 500 before any app code ran (e.g. ${client.decodeExample}; see isNextDecodeFailure in scripts/hostile/http.ts)`);
  const afterFuzz = await snapshot(dbUrl);
  check(changedTables(before, afterFuzz).length === 0, `fuzzing changed no business table (${before.size} tables compared; excluded: ${EXCLUDED_TABLES.join(", ")}, rows added meanwhile: ${excludedGrowth(before, afterFuzz)})${changedTables(before, afterFuzz).map((t) => `\n    changed: ${t}`).join("")}`);

  const fuzzFailures = client.failures.length;
  const matrix = await runMatrix(client, targets, ids as MarioIds, check);
  const actionIds = Object.fromEntries(targets.actions.map((a) => [a.name, a.id]));
  const readMario = async () => {
    const [c, s] = await Promise.all([db.customer.findUniqueOrThrow({ where: { id: ids.customer }, select: { locale: true } }), db.service.findUniqueOrThrow({ where: { id: ids.renewingService }, select: { autoRenewal: true } })]);
    return { locale: String(c.locale), autoRenewal: s.autoRenewal };
  };
  await runCsrf(client, ids, gatewaySecret, actionIds, check, readMario);
  check(client.failures.length === fuzzFailures, `matrix and CSRF requests: no 5xx, no stack trace${client.failures.length > fuzzFailures ? `:\n    ${client.failures.slice(fuzzFailures).join("\n    ")}` : ""}`);
  const after = await snapshot(dbUrl);
  const changed = changedTables(before, after);
  check(changed.length === 0, `nothing changed after fuzzing, matrix and CSRF${changed.map((t) => `\n    changed: ${t}`).join("")}`);
  await csrfControl(client, actionIds.setLocaleAction, readMario, check);
  if (failures.length && /Error|at /.test(serverLog)) console.log(`hostile-input: server log (tail; all of it in ${SERVER_LOG}):\n${serverLog.slice(-4000)}`);
  console.log(`hostile-input: ${client.requests} requests (${client.unsendable} drawn requests refused by fetch itself), access matrix ${matrix.cells} cells + ${matrix.actionCells} action calls, ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
} finally {
  server?.kill("SIGTERM");
  await disconnectDb();
}
console.log(`hostile-input: ${failures.length === 0 ? "passed" : `${failures.length} failed`} (seed ${seed})`);
process.exit(failures.length ? 1 : 0);

/**
 * mario.rossi's ids, after giving him what the seed lacks so that every kind of URL exists: an
 * open payment, an open card verification, a paid invoice with its quietanza (PDF made now, so a
 * download changes nothing) and a support request for the back office.
 */
async function prepareMario(): Promise<Omit<MarioIds, "marioSession" | "adminSession"> & Partial<MarioIds> & { customer: string; gatewaySession: string }> {
  const { startOrderPayment } = await import("../lib/payments/start-payment");
  const { startCardVerification } = await import("../lib/cards/verify");
  const { payInvoice, stepOne } = await import("../lib/invoice-payments/test-helpers");
  const { ensureReceiptPdf } = await import("../lib/receipts/pdf");
  const { submitSupportRequest } = await import("../lib/support/submit");
  const mario = await db.customer.findUniqueOrThrow({ where: { username: "mario.rossi" }, select: { id: true, customerCode: true } });
  const viewer = { customerId: mario.id, username: "mario.rossi" };
  const purchase = await db.order.findUniqueOrThrow({ where: { number: "ORD-2026-000102" }, select: { id: true } });
  const pecOrder = await db.order.findUniqueOrThrow({ where: { number: "ORD-2026-000101" }, select: { id: true } });
  const payment = await startOrderPayment({ viewer, orderId: purchase.id, card: { kind: "new" }, ceilingConsent: true });
  const verification = await startCardVerification({ viewer, forRenewals: false, ceilingConsent: false });
  const invoice = await db.invoice.findUniqueOrThrow({ where: { number: "FT-2026-000101" }, select: { id: true, number: true } });
  const { invoicePaymentId } = await payInvoice(stepOne({ number: invoice.number, customerCode: mario.customerCode }));
  const receipt = await db.receipt.findUniqueOrThrow({ where: { invoicePaymentId }, select: { id: true } });
  await ensureReceiptPdf(receipt.id);
  const request = await submitSupportRequest({
    input: { category: "AMMINISTRAZIONE", reason: "OTHER", name: "Mario Rossi", email: "mario.rossi@example.it", customerCode: mario.customerCode, message: "Richiesta di prova per la matrice degli accessi." },
    viewer, ip: "198.51.100.9",
  });
  const spid = await db.service.findFirstOrThrow({ where: { customerId: mario.id, autoRenewal: true }, select: { id: true } });
  const card = await db.card.findFirstOrThrow({ where: { customerId: mario.id }, select: { id: true } });
  const gwSession = await db.gwSession.findFirstOrThrow({ where: { merchantRef: payment.paymentId }, select: { id: true } });
  return {
    customer: mario.id, order: purchase.id, service: spid.id, renewingService: spid.id, invoice: invoice.id, receipt: receipt.id, receiptInvoice: invoice.id,
    card: card.id, payment: payment.paymentId, verification: verification.verificationId, gatewaySession: gwSession.id,
    staffInvoice: invoice.id, supportRequest: request.id, invoicePayment: invoicePaymentId, pecOrder: pecOrder.id,
  };
}
