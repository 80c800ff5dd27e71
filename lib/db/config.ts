import path from "node:path";

/**
 * Where the data lives. `DATABASE_URL=postgres://…` selects PostgreSQL; anything else is the
 * embedded PGlite database in `PGLITE_DIR` (default `.data/pglite`, `memory://` for tests).
 */
export type DbTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string };

export function dbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  // The data directory is chosen at run time, not a file of the build: keep it out of tracing.
  const dir = env.PGLITE_DIR?.trim() || ".data/pglite";
  return { kind: "pglite", dataDir: dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir) };
}

export function isEmbedded(env: NodeJS.ProcessEnv = process.env) {
  return dbTarget(env).kind === "pglite";
}
