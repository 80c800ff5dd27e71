import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

/**
 * The server's own start (instrumentation.ts's register, as Next calls it in `next start`) in a
 * child process: a production start on the sandbox without AREA_DEMO exits 1 with the reason.
 */
function startServer(env: Record<string, string>) {
  const script = `const { register } = await import("./instrumentation.ts"); await register(); console.log("started"); process.exit(0);`;
  const { PAYMENT_GATEWAY, AREA_DEMO, TEST_GATEWAY, ...rest } = process.env;
  void PAYMENT_GATEWAY, AREA_DEMO, TEST_GATEWAY;
  return spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.ts", "--input-type=module", "-e", script], {
    // A start that passes would go on to open the database and run jobs: stop it before that.
    env: { ...rest, NEXT_RUNTIME: "nodejs", WORKER_IN_PROCESS: "0", DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

it("a production start on the sandbox bank without AREA_DEMO=1 stops with the reason", () => {
  const run = startServer({ NODE_ENV: "production" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("Area Clienti refuses to start:");
  expect(run.stderr).toContain("the bank is the sandbox");
  expect(run.stderr).toContain("PROVIDER_NAME");
  expect(run.stdout).not.toContain("started");
});

it("the same start as a declared demo goes on", () => {
  const run = startServer({ NODE_ENV: "production", AREA_DEMO: "1" });
  expect(run.stderr).not.toContain("refuses to start");
  expect(run.stdout).toContain("started");
  expect(run.status).toBe(0);
});
