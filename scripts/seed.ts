import { disconnectDb, getDb } from "../lib/db/index";
import { seedDemoData } from "../lib/demo/seed";

// Demo data for QA and the documentation (README, "Demo accounts"). Safe to run again.
const started = Date.now();
try {
  await seedDemoData(getDb());
  console.log(`seed: demo data ready (${Date.now() - started} ms)`);
} finally {
  await disconnectDb();
}
process.exit(0);
