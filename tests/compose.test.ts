import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Service = { ports?: string[]; expose?: string[]; image?: string; environment?: Record<string, string>; configs?: { source: string; target: string }[] };
type Compose = { services: Record<string, Service>; configs?: Record<string, { content?: string }>; "x-app-env"?: Record<string, string> };

const compose = parse(readFileSync(new URL("../compose.yaml", import.meta.url), "utf8"), { merge: true }) as Compose;

describe("issue 11, defect 11: the deployment's client address can't be chosen by the client", () => {
  it("publishes only the TLS reverse proxy; the app is on the internal network", () => {
    const published = Object.entries(compose.services).filter(([, s]) => s.ports?.length).map(([name]) => name);
    expect(published).toEqual(["proxy"]);
    expect(compose.services.app.ports ?? []).toEqual([]);
    expect(compose.services.proxy.ports).toEqual(expect.arrayContaining([expect.stringMatching(/:443$/)]));
  });

  it("the proxy is the one hop the app trusts, and it writes X-Forwarded-For itself", () => {
    expect(compose["x-app-env"]?.TRUSTED_PROXY_HOPS).toBe("1");
    const proxy = compose.services.proxy;
    // Caddy 2.5+ drops X-Forwarded-For from untrusted clients and sets it to the peer's address.
    expect(proxy.image).toMatch(/^caddy:2\.(\d+)/);
    expect(Number(/^caddy:2\.(\d+)/.exec(proxy.image!)![1])).toBeGreaterThanOrEqual(5);
    const caddyfile = compose.configs?.[proxy.configs![0].source]?.content ?? "";
    expect(caddyfile).toMatch(/reverse_proxy\s+app:3000/);
    expect(caddyfile).not.toMatch(/trusted_proxies/);
  });
});
