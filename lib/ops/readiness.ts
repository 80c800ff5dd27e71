import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/ops/log";

export type Readiness = { ready: boolean; checks: { database: "ok" | "unavailable"; migrations: "ok" | "pending" | "unknown" } };

const TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref())]);
}

/** Migrations not applied, failed or still running; a database never migrated has no table at all. */
async function pendingMigrations(): Promise<number> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`;
  if (!table?.exists) return 1;
  const [row] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "_prisma_migrations" WHERE "finished_at" IS NULL OR "rolled_back_at" IS NOT NULL`;
  return Number(row?.n ?? 0);
}

/**
 * Whether this instance can serve traffic: the database answers within two seconds and no
 * migration is pending or failed. Details of a failure go to the server log, never to the caller.
 */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const migrations = (await withTimeout(pendingMigrations())) === 0 ? "ok" : "pending";
    return { ready: migrations === "ok", checks: { database: "ok", migrations } };
  } catch (error) {
    log("ready").error({ err: error }, "database check failed");
    return { ready: false, checks: { database: "unavailable", migrations: "unknown" } };
  }
}
