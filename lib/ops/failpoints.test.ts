import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { armedFailpoint } from "./failpoints";

describe("failpoints", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("are armed only with AREA_DEV_TOOLS=1 and a known name", () => {
    expect(armedFailpoint({ AREA_FAILPOINT: "attempt.after-charge" })).toBeUndefined();
    expect(armedFailpoint({ AREA_FAILPOINT: "attempt.after-charge", AREA_DEV_TOOLS: "0" })).toBeUndefined();
    expect(armedFailpoint({ AREA_FAILPOINT: "attempt.after-charge", AREA_DEV_TOOLS: "1" })).toBe("attempt.after-charge");
    expect(armedFailpoint({ AREA_FAILPOINT: "nonsense", AREA_DEV_TOOLS: "1" })).toBeUndefined();
    expect(armedFailpoint({ AREA_DEV_TOOLS: "1" })).toBeUndefined();
  });

  it("kill only at the armed point, and never without the dev-tools switch", async () => {
    const kill = vi.spyOn(process, "kill").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.stubEnv("AREA_FAILPOINT", "attempt.after-sent");
    vi.stubEnv("AREA_DEV_TOOLS", "1");
    const armed = await import("./failpoints");
    armed.failpoint("attempt.after-charge");
    expect(kill).not.toHaveBeenCalled();
    armed.failpoint("attempt.after-sent");
    expect(kill).toHaveBeenCalledWith(process.pid, "SIGKILL");

    kill.mockClear();
    vi.resetModules();
    vi.stubEnv("AREA_DEV_TOOLS", "");
    const production = await import("./failpoints");
    production.failpoint("attempt.after-sent");
    expect(kill).not.toHaveBeenCalled();
  });

  it("really end the process with SIGKILL", () => {
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e", 'const { failpoint } = await import("./lib/ops/failpoints.ts"); failpoint("attempt.after-record"); console.log("alive");'], {
      env: { ...process.env, AREA_DEV_TOOLS: "1", AREA_FAILPOINT: "attempt.after-record" },
      encoding: "utf8",
    });
    expect(child.signal).toBe("SIGKILL");
    expect(child.stdout).not.toContain("alive");
  });
});
