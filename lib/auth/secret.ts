import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCAL_SECRET_FILE = path.resolve(".data/auth-secret");

/**
 * The key that signs session cookies. Production must set NEXTAUTH_SECRET; on a developer's
 * machine one is generated once into .data/ so that a fresh clone runs without set-up.
 */
export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === "production" && process.env.AREA_ALLOW_LOCAL_SECRET !== "1") {
    throw new Error("NEXTAUTH_SECRET must be set in production");
  }
  if (!existsSync(LOCAL_SECRET_FILE)) {
    mkdirSync(path.dirname(LOCAL_SECRET_FILE), { recursive: true });
    writeFileSync(LOCAL_SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(LOCAL_SECRET_FILE, "utf8").trim();
}
