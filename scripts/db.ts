/**
 * Database migrations without the Prisma CLI (it cannot create or apply them offline, see
 * lib/db/migrate/engine.ts). The target is the app's: DATABASE_URL=postgres://… or PGlite in
 * PGLITE_DIR (default .data/pglite).
 *
 *   tsx scripts/db.ts migrate         apply the migrations in prisma/migrations not yet applied
 *   tsx scripts/db.ts create <name>   write prisma/migrations/<timestamp>_<name>/migration.sql
 */
import path from "node:path";
import { dbTarget, type DbTarget } from "../lib/db/config";
import { applyMigrations, createMigration } from "../lib/db/migrate";

function describe(target: DbTarget) {
  if (target.kind === "pglite") {
    if (target.dataDir.startsWith("memory://")) return "PGlite (in memory: gone when this exits)";
    const relative = path.relative(process.cwd(), target.dataDir);
    return `PGlite ${relative.startsWith("..") ? target.dataDir : relative}`;
  }
  const url = new URL(target.url);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`; // no credentials in logs
}

async function main(command: string | undefined, args: string[]): Promise<string> {
  const started = performance.now();
  const took = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const target = dbTarget();
  switch (command) {
    case "migrate": {
      const applied = await applyMigrations(target);
      return applied.length
        ? `db: applied ${applied.length} migration(s) to ${describe(target)}: ${applied.join(", ")} (${took()})`
        : `db: ${describe(target)} is up to date (${took()})`;
    }
    case "create": {
      const file = await createMigration(args.join(" "), target);
      return file ? `db: wrote ${path.relative(process.cwd(), file)} (${took()})` : `db: no changes (${took()})`;
    }
    default:
      throw new Error("usage: tsx scripts/db.ts migrate | create <name>");
  }
}

// Exit explicitly: pg pools and PGlite keep the event loop alive.
main(process.argv[2], process.argv.slice(3)).then(
  (line) => {
    console.log(line);
    process.exit(0);
  },
  (error: Error) => {
    console.error(`db: ${error.message}`);
    if (process.env.DB_ENGINE_DEBUG && error.cause) console.error(error.cause);
    process.exit(1);
  },
);
