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

function createClient(): PrismaClient {
  const target = dbTarget();
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DB_POOL_MAX ?? 10) });
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
