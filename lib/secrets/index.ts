import "server-only";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A signing key from the environment. Production must set `envVar`; on a developer's machine (and
 * in tests) one is generated once into `.data/<fileName>` so that a fresh clone runs without
 * set-up, and stays the same across restarts (cookies, tokens and signed links keep working).
 * AREA_ALLOW_LOCAL_SECRET=1 lets a production build use the local file too (throw-away servers).
 */
export function configuredSecret(envVar: string, fileName: string): string {
  const fromEnv = process.env[envVar]?.trim();
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === "production" && process.env.AREA_ALLOW_LOCAL_SECRET !== "1") {
    throw new Error(`${envVar} must be set in production`);
  }
  return localSecret(path.resolve(/*turbopackIgnore: true*/ ".data", fileName));
}

function localSecret(file: string): string {
  try {
    return readExisting(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  // Several processes (test files run in parallel) may get here at once: each writes its own
  // complete temporary file and links it into place, which fails if another got there first, so
  // nobody ever reads a half-written secret and everybody ends up with the same one.
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, randomBytes(32).toString("base64url"), { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  return readExisting(file);
}

function readExisting(file: string): string {
  const secret = readFileSync(file, "utf8").trim();
  if (!secret) throw new Error(`${file} is empty: delete it to generate a new secret`);
  return secret;
}
