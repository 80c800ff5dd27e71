import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { configuredSecret } from ".";

const cwd = process.cwd();
let dir = "";

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "area-secrets-"));
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

it("prefers the environment variable", () => {
  vi.stubEnv("TEST_SECRET", " from-env ");
  expect(configuredSecret("TEST_SECRET", "test-secret")).toBe("from-env");
  expect(existsSync(path.join(dir, ".data/test-secret"))).toBe(false);
});

it("otherwise generates one local secret once and keeps it", () => {
  const first = configuredSecret("TEST_SECRET", "test-secret");
  expect(first).toMatch(/^[\w-]{43}$/);
  expect(configuredSecret("TEST_SECRET", "test-secret")).toBe(first);
  expect(readFileSync(path.join(dir, ".data/test-secret"), "utf8")).toBe(first);
  expect(configuredSecret("OTHER_SECRET", "other-secret")).not.toBe(first);
});

it("refuses to invent one in production", () => {
  vi.stubEnv("NODE_ENV", "production");
  expect(() => configuredSecret("TEST_SECRET", "test-secret")).toThrow("TEST_SECRET must be set in production");
  vi.stubEnv("AREA_ALLOW_LOCAL_SECRET", "1");
  expect(configuredSecret("TEST_SECRET", "test-secret")).toHaveLength(43);
});
