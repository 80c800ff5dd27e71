import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

describe("logger", () => {
  it("writes one JSON line with level, module, ids and the error, without card numbers or passwords", () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = createLogger(sink, "info").child({ module: "payments" });
    log.error({ err: new Error("bank said no to 4242424242424242"), paymentId: "p1", password: "secret" }, "charge failed for 4242 4242 4242 4242");
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: "error", module: "payments", paymentId: "p1", password: "[removed]", msg: "charge failed for [card number removed]" });
    expect(line.err.message).toBe("bank said no to [card number removed]");
    expect(line.err.stack).not.toContain("4242424242424242");
    expect(typeof line.time).toBe("string");
  });
});
