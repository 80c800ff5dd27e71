import { describe, expect, it } from "vitest";
import { securityHeaders, servedOverHttps } from "./headers";

describe("securityHeaders", () => {
  it("allows scripts only with the request's nonce and forbids framing", () => {
    const h = securityHeaders({ nonce: "abc123", https: false, dev: false });
    const csp = h["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(h["X-Frame-Options"]).toBe("DENY");
  });

  it("sends HSTS and upgrades requests only when served over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", https: false, dev: false })["Strict-Transport-Security"]).toBeUndefined();
    const secure = securityHeaders({ nonce: "n", https: true, dev: false });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("lets the development server evaluate code for hot reload, never production", () => {
    expect(securityHeaders({ nonce: "n", https: false, dev: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });

  it("takes HTTPS from the configured public address", () => {
    expect(servedOverHttps({ NEXTAUTH_URL: "https://area.example.it" })).toBe(true);
    expect(servedOverHttps({ NEXTAUTH_URL: "http://127.0.0.1:3100" })).toBe(false);
    expect(servedOverHttps({ APP_URL: "https://a.example", NEXTAUTH_URL: "http://x" })).toBe(true);
  });
});
