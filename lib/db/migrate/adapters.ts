import { randomUUID } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** A factory for the schema engine, plus what to release once the engine is done. */
export type EngineFactory = SqlMigrationAwareDriverAdapterFactory & { close(): Promise<void> };

/** Database errors as the engine understands them (it shows them and logs them per migration). */
function toAdapterError(error: unknown): unknown {
  const e = error as { code?: unknown; severity?: unknown; message?: string; detail?: string; column?: string; hint?: string };
  if (typeof e?.code !== "string" || typeof e.severity !== "string") return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code,
    severity: e.severity,
    message: e.message ?? "",
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

/**
 * Both adapters' `executeScript` are unfit for migration scripts: pglite-prisma-adapter 0.7.2
 * does not await `exec`, so a failing migration is reported as applied (and its error becomes an
 * unhandled rejection); adapter-pg splits the script on every ";" (quoted strings, dollar-quoted
 * bodies) and sends the pieces to any pool connection. Send the script whole, as one simple
 * query, as the native engine does: PostgreSQL then runs it as one implicit transaction.
 */
function wholeScript(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>) {
  adapter.executeScript = async (script) => {
    try {
      await run(script);
    } catch (error) {
      throw toAdapterError(error);
    }
  };
  return adapter;
}

/**
 * PGlite. The shadow database (used only to create migrations) is `shadow()`, or the adapter's own
 * in-memory one; the caller owns `db` and closes it.
 */
export function pgliteFactory(db: PGlite, shadow?: () => Promise<PGlite>): EngineFactory {
  const base = new PrismaPGlite(db);
  return {
    provider: "postgres",
    adapterName: base.adapterName,
    connect: async () => wholeScript(await base.connect(), (s) => db.exec(s)),
    connectToShadowDb: async () => {
      if (!shadow) return base.connectToShadowDb();
      const shadowDb = await shadow();
      return wholeScript(await new PrismaPGlite(shadowDb).connect(), (s) => shadowDb.exec(s));
    },
    close: async () => {},
  };
}

/**
 * adapter-pg cannot map PostgreSQL's internal one-byte `"char"` type (OID 18), which the engine's
 * catalog queries return (pg_class.relkind, pg_constraint.contype…): "Column type 'char' could not
 * be deserialized". pg already hands such values over as strings; relabel the column as text.
 */
const PG_CHAR = 18;
const PG_TEXT = 25;

function charAsText<R>(result: R): R {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    }
  }
  return result;
}

class CharAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    // pg-pool calls query(text, values, callback); transactions call query(config) for a promise.
    this.query = ((...args: unknown[]) => {
      const last = args.length - 1;
      if (typeof args[last] === "function") {
        const callback = args[last] as (err: Error | null, result?: unknown) => void;
        args[last] = (err: Error | null, result?: unknown) => callback(err, err ? result : charAsText(result));
        return query(...args);
      }
      const out = query(...args);
      return out instanceof Promise ? out.then(charAsText) : out;
    }) as pg.Client["query"];
  }
}

/**
 * PostgreSQL. The engine gets its own shadow database, created here and dropped WITH (FORCE):
 * adapter-pg's connectToShadowDb drops its database while its pool still holds connections
 * (which fails) and connects with `{ connectionString, database }`, where the URL's database wins.
 */
export function postgresFactory(url: string): EngineFactory {
  const config = (connectionString: string): pg.PoolConfig => ({ connectionString, max: 2, Client: CharAsTextClient });
  const opened: SqlDriverAdapter[] = [];
  const shadows = new Set<string>();

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  async function dropShadow(name: string) {
    if (!shadows.delete(name)) return;
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  async function open(connectionString: string, onDispose?: () => Promise<void>) {
    const adapter = await new PrismaPg(config(connectionString)).connect();
    const pool = adapter.underlyingDriver();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose().catch(() => {}); // ends the pool; idempotent enough for a second call
      await onDispose?.();
    };
    opened.push(adapter);
    return wholeScript(adapter, (s) => pool.query(s));
  }

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => open(url),
    connectToShadowDb: async () => {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await admin(`CREATE DATABASE "${name}"`);
      shadows.add(name);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      return open(shadowUrl.toString(), () => dropShadow(name));
    },
    close: async () => {
      for (const adapter of opened.splice(0)) await adapter.dispose();
      for (const name of [...shadows]) await dropShadow(name);
    },
  };
}
