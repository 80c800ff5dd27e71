import "./server-only-hook";

// Demo data for QA and the documentation (README, "Demo accounts"). Safe to run again.
const { disconnectDb, getDb } = await import("../lib/db/index");
const { demoSeedRefusal, seedDemoData } = await import("../lib/demo/seed");

const refusal = demoSeedRefusal();
if (refusal) {
  console.error(`seed: ${refusal}`);
  process.exit(1);
}

const started = Date.now();
try {
  await seedDemoData(getDb());
  console.log(`seed: demo data ready (${Date.now() - started} ms)`);
} finally {
  await disconnectDb();
}
process.exit(0);
