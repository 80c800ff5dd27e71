import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/migrations", import.meta.url));

/** The SQL of every prisma/migrations/<name>/migration.sql, in the order Prisma applies them. */
export function migrationScripts(): string[] {
  if (!existsSync(MIGRATIONS_DIR)) throw new Error(`No migrations in ${MIGRATIONS_DIR}`);
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
}

/** Changes whenever a migration (or the PGlite data format) does. */
export function migrationsHash(extra = "") {
  const hash = createHash("sha256").update(extra);
  for (const sql of migrationScripts()) hash.update(sql).update("\0");
  return hash.digest("hex").slice(0, 16);
}
