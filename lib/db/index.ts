import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client";
import { dbTarget } from "./config";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "./generated/client";

type Holder = { client?: PrismaClient; pglite?: PGlite };

// One client per process: Next may evaluate this module in several bundles, and only one
// PGlite instance may open a data directory.
const holder: Holder = ((globalThis as { __areaDb?: Holder }).__areaDb ??= {});

/**
 * Named (prepared) statements on PostgreSQL: each connection parses and plans a statement once
 * instead of on every execution. Parsing and planning were most of the server's work on the
 * area's joined reads (about 1 ms of PostgreSQL CPU for the home page's query, 0.2 ms prepared)
 * and a good part of it for every small statement. The name is the statement's hash, so one name
 * never means two texts; very long statements (bulk inserts, whose text varies with their rows)
 * stay unnamed ("" is pg's unnamed statement, parsed on each use), so that what each connection
 * keeps stays small.
 */
export function statementName(query: { sql: string }): string {
  return query.sql.length <= 8_000 ? `s${createHash("sha1").update(query.sql).digest("base64url")}` : "";
}

function createClient(): PrismaClient {
  const target = dbTarget();
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DB_POOL_MAX ?? 10) }, { statementNameGenerator: statementName });
    return new PrismaClient({ adapter });
  }
  holder.pglite = new PGlite(target.dataDir);
  return new PrismaClient({ adapter: new PrismaPGlite(holder.pglite) });
}

export function getDb(): PrismaClient {
  return (holder.client ??= createClient());
}

/** The embedded database's own handle (raw SQL in scripts and tests), when embedded. */
export function getPglite(): PGlite | undefined {
  getDb();
  return holder.pglite;
}

export async function disconnectDb() {
  await holder.client?.$disconnect();
  await holder.pglite?.close();
  holder.client = undefined;
  holder.pglite = undefined;
}

/**
 * Lazy handle: nothing connects when a module is imported (the build imports every page),
 * only on the first query.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
