/**
 * Runs once per `vitest run`. Creating a PGlite database costs seconds (initdb in Wasm, more with
 * several test processes starting at once), while copying a migrated data directory and opening it
 * takes about one: so the embedded template is built once per set of migrations and reused.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrationScripts, migrationsHash } from "./migrations";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory to copy; "" when the tests run on PostgreSQL. */
    pgliteTemplate: string;
  }
}

async function buildTemplate(): Promise<string> {
  const pkg = new URL("../node_modules/@electric-sql/pglite/package.json", import.meta.url);
  const { version } = JSON.parse(readFileSync(pkg, "utf8")) as { version: string };
  const template = path.join(tmpdir(), `area-clienti-pglite-${migrationsHash(version)}`);
  if (existsSync(template)) return template;

  const building = mkdtempSync(path.join(tmpdir(), "area-clienti-pglite-build-"));
  const pglite = new PGlite(building);
  try {
    for (const sql of migrationScripts()) await pglite.exec(sql);
  } finally {
    await pglite.close();
  }
  try {
    renameSync(building, template); // atomic: a concurrent run either sees all of it or builds its own
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run got there first
  }
  return template;
}

export default async function setup(project: TestProject) {
  project.provide("pgliteTemplate", process.env.TEST_DATABASE_URL?.trim() ? "" : await buildTemplate());
}
