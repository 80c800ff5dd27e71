/**
 * Vitest setup file: every test file (its own process, see vitest.config.ts) gets a fresh database
 * with all of prisma/migrations applied, set up before anything uses lib/db.
 *
 * - TEST_DATABASE_URL=postgres://…  a new database `t_<random>` on that server, dropped afterwards;
 * - otherwise an embedded PGlite in a temporary directory, copied from the migrated template that
 *   tests/global-setup.ts prepared.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db";
import { migrationScripts } from "./migrations";

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(serverUrl: string) {
  const name = `t_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await withClient(url.toString(), async (client) => {
    for (const sql of migrationScripts()) await client.query(sql);
  });
  return { name, url: url.toString() };
}

const serverUrl = process.env.TEST_DATABASE_URL?.trim();
let cleanup: () => Promise<void>;

if (serverUrl) {
  const { name, url } = await createPostgresDatabase(serverUrl);
  process.env.DATABASE_URL = url;
  delete process.env.PGLITE_DIR;
  cleanup = () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {});
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "area-clienti-test-"));
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dir;
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

afterAll(async () => {
  await disconnectDb();
  await cleanup();
});
