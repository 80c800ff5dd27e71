import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { dbTarget, type DbTarget } from "../config";
import { pgliteFactory, postgresFactory, type EngineFactory } from "./adapters";
import { withSchemaEngine } from "./engine";
import { migrationName, readMigrations, readSchema, writeMigration } from "./files";

/**
 * Migrations for both targets of lib/db/config.ts, through the Wasm schema engine: the same
 * engine code as `prisma migrate deploy` / `migrate dev`, so the same `_prisma_migrations`
 * rows and the same SQL.
 */

const filters = { externalTables: [], externalEnums: [] };

/** Opens the target, runs `fn` with a factory for it, and releases everything afterwards. */
async function withTarget<T>(target: DbTarget, fn: (factory: EngineFactory) => Promise<T>): Promise<T> {
  if (target.kind === "postgres") {
    const factory = postgresFactory(target.url);
    try {
      return await fn(factory);
    } finally {
      await factory.close();
    }
  }
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  const db = await PGlite.create(target.dataDir);
  try {
    return await fn(pgliteFactory(db));
  } finally {
    await db.close(); // a clean shutdown, so that everything is on disk before the process exits
  }
}

/** Applies every migration of prisma/migrations not yet applied; returns their names. */
export async function applyMigrations(target: DbTarget = dbTarget()): Promise<string[]> {
  return withTarget(target, (factory) => applyWith(factory));
}

/** Same, on a PGlite instance the caller already has open (tests on `memory://`). */
export async function applyMigrationsTo(db: PGlite): Promise<string[]> {
  return applyWith(pgliteFactory(db));
}

async function applyWith(factory: EngineFactory) {
  const migrationsList = readMigrations();
  const result = await withSchemaEngine(readSchema(), factory, (engine) =>
    engine.applyMigrations({ migrationsList, filters }),
  );
  return result.appliedMigrationNames;
}

/**
 * Diffs the migrations folder (replayed on a shadow database) against prisma/schema.prisma and
 * writes the difference as a new migration. Returns its path, or null when there is nothing to do.
 */
export async function createMigration(rawName: string, target: DbTarget = dbTarget()): Promise<string | null> {
  const name = migrationName(rawName);
  const schema = readSchema();
  // The lockfile is written with the first migration; the engine refuses a history without one.
  const from = { tag: "migrations" as const, ...readMigrations(undefined, { assumeLockfile: true }) };
  const to = { tag: "schemaDatamodel" as const, files: [schema] };

  const diff = (factory: EngineFactory) =>
    withSchemaEngine(schema, factory, (engine) => engine.diff({ from, to, script: true, exitCode: true, filters }));

  let result;
  if (target.kind === "postgres") {
    result = await withTarget(target, diff);
  } else {
    // The history is replayed on the shadow database; of the main one the engine only reads the
    // server version. So the app's data directory is left alone (a running server may have it
    // open: PGlite allows one process per directory) and one throw-away in-memory PGlite serves
    // as both, since each new PGlite costs seconds of initdb.
    const scratch = await PGlite.create();
    try {
      result = await diff(pgliteFactory(scratch, async () => scratch));
    } finally {
      await scratch.close();
    }
  }
  // exitCode 0: no difference; 2: the script in stdout is the migration.
  if (result.exitCode === 0 || !result.stdout) return null;
  return writeMigration(name, result.stdout);
}
