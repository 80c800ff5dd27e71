/**
 * Payment benchmark: N orders, each attacked by K concurrent attempts (double clicks, tabs),
 * through the real use cases and the sandbox bank, on the database in DATABASE_URL (PostgreSQL;
 * PGlite works too but serialises everything). Prints payments per second, p50/p95 latency of
 * an attempt, and the number of charges per order, which must be exactly 1.
 *
 *   DATABASE_URL=postgres://… npm run bench:pay -- [orders=200] [attemptsPerOrder=3] [concurrency=16]
 */
import "./server-only-hook";

const [orders = 200, perOrder = 3, concurrency = 16] = process.argv.slice(2).map(Number);
const { getDb, disconnectDb } = await import("../lib/db");
const { createTestCustomer } = await import("../lib/demo/fixtures");
const { seedDemoData } = await import("../lib/demo/seed");
const { startOrderPayment } = await import("../lib/payments/start-payment");

const db = getDb();
await seedDemoData(db);
console.log(`bench:pay: preparing ${orders} customers with a saved card…`);
const customers = [];
for (let i = 0; i < orders; i++) customers.push(await createTestCustomer({ kind: "saved-card" }));
const cardOf = new Map((await db.customer.findMany({ where: { id: { in: customers.map((c) => c.customerId) } }, select: { id: true, renewalCardId: true } })).map((c) => [c.id, c.renewalCardId!]));

const tasks = customers.flatMap((c) => Array.from({ length: perOrder }, () => c));
const latencies: number[] = [];
let refused = 0;
let cursor = 0;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (cursor < tasks.length) {
      const c = tasks[cursor++];
      const t0 = performance.now();
      try {
        await startOrderPayment({ viewer: { customerId: c.customerId, username: c.username }, orderId: c.order.id, card: { kind: "saved", cardId: cardOf.get(c.customerId)! }, ceilingConsent: false });
      } catch {
        refused++;
      }
      latencies.push(performance.now() - t0);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const ids = customers.map((c) => c.order.id);
const paid = await db.order.count({ where: { id: { in: ids }, status: "PAID" } });
const perOrderCharges = await db.$queryRaw<{ n: bigint; orders: bigint }[]>`
  SELECT n, count(*) AS orders FROM (
    SELECT p."orderId", count(c.id) AS n FROM "Payment" p JOIN "GwCharge" c ON c."merchantRef" = p.id::text AND c.status = 'SUCCEEDED'
    WHERE p."orderId" = ANY(${ids}::uuid[]) GROUP BY p."orderId") t GROUP BY n ORDER BY n`;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);

console.log(`bench:pay: ${tasks.length} attempts on ${orders} orders, concurrency ${concurrency}, ${seconds.toFixed(2)} s`);
console.log(`  paid orders/s      ${(paid / seconds).toFixed(1)}   attempts/s ${(tasks.length / seconds).toFixed(1)}`);
console.log(`  latency per attempt p50 ${pct(50)} ms   p95 ${pct(95)} ms   max ${latencies.at(-1)!.toFixed(1)} ms`);
console.log(`  refused (already paid / in progress) ${refused}`);
console.log(`  charges per order  ${perOrderCharges.map((r) => `${r.n}: ${r.orders} orders`).join(", ")}`);
console.log(`  rss ${(rssBefore / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
await disconnectDb();
const ok = paid === orders && perOrderCharges.every((r) => Number(r.n) === 1);
console.log(ok ? "bench:pay: every order paid exactly once" : "bench:pay: FAILED: an order was not paid exactly once");
process.exit(ok ? 0 : 1);
