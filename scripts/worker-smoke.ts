/**
 * CI check of the standalone worker on PostgreSQL: a real use case queues an e-mail, `npm run
 * worker` delivers it to the local mailbox exactly once and stops cleanly on SIGTERM.
 */
import "./server-only-hook";
import { spawn } from "node:child_process";

const { getDb, disconnectDb } = await import("../lib/db");
const { seedDemoData } = await import("../lib/demo/seed");
const { authenticateCustomer } = await import("../lib/auth/login");

const db = getDb();
await seedDemoData(db);
for (let i = 0; i < 5; i++) {
  await authenticateCustomer({ method: "account", credentials: { username: "anna.bianchi", password: `wrong-${i}` }, ip: "192.0.2.1" });
}
const to = "anna.bianchi@example.it";
if ((await db.email.count({ where: { to } })) !== 1) throw new Error("the lockout e-mail was not queued");

// Spawn node itself (not npx, which does not pass SIGTERM on to its child).
const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: { ...process.env, WORKER_POLL_MS: "200" }, stdio: "inherit" });
const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));

const deadline = Date.now() + 60_000;
let delivered = 0;
while (Date.now() < deadline && delivered === 0) {
  await new Promise((r) => setTimeout(r, 250));
  delivered = await db.mailboxMessage.count({ where: { to } });
}
worker.kill("SIGTERM");
const code = await exited;
await new Promise((r) => setTimeout(r, 500));
const finalCount = await db.mailboxMessage.count({ where: { to } });
await disconnectDb();

const failures = [
  finalCount !== 1 && `expected 1 message in the mailbox, found ${finalCount}`,
  code !== 0 && `worker exited with ${code} after SIGTERM`,
].filter(Boolean);
for (const f of failures) console.error(`worker-smoke: ${f}`);
console.log(`worker-smoke: ${failures.length ? 0 : 1} passed, ${failures.length ? 1 : 0} failed`);
process.exit(failures.length ? 1 : 0);
