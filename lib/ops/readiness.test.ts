import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { checkReadiness } from "./readiness";

const db = getDb();

// Test databases get the migrations' SQL directly (tests/setup-db.ts); here the bookkeeping table
// is made the way `prisma migrate deploy` (and scripts/db.ts) makes it.
beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  await db.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ('m1', 'x', now(), '1_init', 1)`);
});

describe("checkReadiness", () => {
  it("is ready on a migrated database", async () => {
    expect(await checkReadiness()).toEqual({ ready: true, checks: { database: "ok", migrations: "ok" } });
  });

  it("is not ready while a migration is unfinished or failed", async () => {
    await db.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name") VALUES ('m2', 'y', '2_next')`);
    expect(await checkReadiness()).toEqual({ ready: false, checks: { database: "ok", migrations: "pending" } });
  });

  it("is not ready on a database that was never migrated", async () => {
    await db.$executeRawUnsafe(`DROP TABLE "_prisma_migrations"`);
    expect(await checkReadiness()).toEqual({ ready: false, checks: { database: "ok", migrations: "pending" } });
  });
});
