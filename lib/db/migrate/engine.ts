import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

/**
 * The official Prisma schema engine, compiled to Wasm, talking to the database through a driver
 * adapter. The Prisma 7 CLI only runs the native engine, which it downloads from a host this
 * project cannot reach; the Wasm build ships in an npm package, so we drive it ourselves.
 */

export type { SchemaEngine };

let loaded = false;
let lastPanic: string | undefined;

function loadWasm() {
  if (loaded) return;
  // The package's main entry imports the .wasm file as an ES module, which Node cannot do
  // without a flag: instantiate it by hand and hand the instance to the JS glue.
  const glueFile = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const module = new WebAssembly.Module(readFileSync(glueFile.replace(/\.js$/, ".wasm")));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as unknown as { __wbindgen_start(): void };
  (glue as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  // The engine's panic hook writes the Rust panic message here before trapping.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => void (lastPanic = message),
  };
  loaded = true;
}

/** Runs `fn` with an engine bound to `factory`, turning its opaque errors into the real ones. */
export async function withSchemaEngine<T>(
  schema: { path: string; content: string },
  factory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  loadWasm();
  // The binder catches whatever the adapter throws and hands the engine only an id; the
  // original error stays in this registry and is what we report.
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (line: string) => {
    if (process.env.DB_ENGINE_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, bound);
    return await fn(engine);
  } catch (error) {
    throw explain(error, bound.errorRegistry);
  } finally {
    engine?.free();
  }
}

type Registry = { consumeError(id: number): { error: unknown } | undefined };

function explain(error: unknown, registry: Registry): Error {
  if (error instanceof WebAssembly.RuntimeError && lastPanic) {
    return new Error(`schema engine panicked: ${lastPanic}`);
  }
  if (!(error instanceof Error)) return new Error(String(error));
  // Engine messages end with a span trace ("   0: schema_engine_wasm::…"): noise for users.
  let message = error.message.split(/\n\s+0: /)[0].trim();
  let cause: unknown;
  message = message.replace(/External error id#(\d+)/g, (text, id: string) => {
    cause ??= registry.consumeError(Number(id))?.error;
    return cause instanceof Error ? cause.message : cause !== undefined ? String(cause) : text;
  });
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && !message.startsWith(code)) message = `${code}: ${message}`;
  return new Error(message, { cause: cause ?? error });
}
