import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, refuseBadPost } from "./action-guard";

const post = (path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) =>
  new Request(`http://area.test${path}`, { method: "POST", headers: { host: "area.test", ...init.headers }, body: init.body });
const status = async (req: Request) => (await refuseBadPost(req))?.status ?? "passes";
const action = { "next-action": "40abc", "content-type": "text/plain;charset=UTF-8" };

describe("refuseBadPost", () => {
  it("refuses a POST from another site, or an opaque origin, with 403", async () => {
    expect(await status(post("/", { headers: { ...action, origin: "https://evil.example" }, body: "[]" }))).toBe(403);
    expect(await status(post("/", { headers: { ...action, origin: "null" }, body: "[]" }))).toBe(403);
    expect(await status(post("/dev/fixtures/customers", { headers: { origin: "https://evil.example", "content-type": "text/plain" }, body: "{}" }))).toBe(403);
  });

  it("lets the site's own actions through, behind a proxy that forwards the host too", async () => {
    expect(await status(post("/", { headers: { ...action, origin: "http://area.test" }, body: '[{"serviceId":"x"}]' }))).toBe("passes");
    const forwarded = post("/", { headers: { ...action, origin: "https://area.example.it", "x-forwarded-host": "area.example.it" }, body: "[]" });
    expect(await status(forwarded)).toBe("passes");
    const form = new FormData();
    form.set("0", '["$K1"]');
    form.set("_1_locale", "en");
    expect(await status(post("/", { headers: { "next-action": "40abc", origin: "http://area.test" }, body: form }))).toBe("passes");
  });

  it("answers 413 above Next's body limit and 400 for a body no browser sends", async () => {
    expect(await status(post("/", { headers: action, body: `["${"x".repeat(ACTION_BODY_LIMIT)}"]` }))).toBe(413);
    expect(await status(post("/", { headers: action, body: "not json" }))).toBe(400);
    expect(await status(post("/", { headers: action, body: '{"not":"a list"}' }))).toBe(400);
    expect(await status(post("/", { headers: { "next-action": "40abc", "content-type": "multipart/form-data; boundary=x" }, body: "garbage" }))).toBe(400);
  });

  it("leaves the API's route handlers to their own protection", async () => {
    expect(await status(post("/api/payments/notify", { headers: { origin: "https://evil.example", "content-type": "application/json" }, body: "{" }))).toBe("passes");
  });
});

describe("refuseBadPost: references in an action's arguments", () => {
  const form = (parts: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(parts)) f.set(k, v);
    return f;
  };
  const multipart = (parts: Record<string, string>) => post("/", { headers: { "next-action": "40abc", origin: "http://area.test" }, body: form(parts) });

  it("passes what React's encodeReply makes: escaped strings, inline specials, parts that exist", async () => {
    expect(await status(post("/", { headers: action, body: '["$$K1 typed by the user", "$undefined", "$D2026-11-29T00:00:00.000Z", "$n12", "$-0"]' }))).toBe("passes");
    expect(await status(multipart({ "0": '["$K1"]' }))).toBe("passes");
    expect(await status(multipart({ "0": '["$Q1", "$@2"]', "1": "[]", "2": '"done"' }))).toBe("passes");
  });

  it("refuses a reference to a part the request doesn't carry (React's decoder would fail with a 500)", async () => {
    expect(await status(post("/", { headers: action, body: '["$@1"]' }))).toBe(400);
    expect(await status(post("/", { headers: action, body: '[{"a": ["$1"]}]' }))).toBe(400);
    expect(await status(post("/", { headers: action, body: '["$"]' }))).toBe(400);
    expect(await status(multipart({ "0": '["$Q5"]' }))).toBe(400);
    expect(await status(multipart({ "0": '["$1"]', "1": '["$7"]' }))).toBe(400);
  });
});
