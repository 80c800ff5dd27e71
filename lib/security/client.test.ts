import { describe, expect, it } from "vitest";
import { clientAddress, clientOf, trustedProxyHops } from "./client";

const xff = (value: string) => ({ "x-forwarded-for": value });

describe("clientAddress", () => {
  it("takes the address the last trusted proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(xff("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(xff("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("uses the only entry of a request that reached the server directly", () => {
    expect(clientAddress(xff("198.51.100.4"), 1)).toBe("198.51.100.4");
    expect(clientAddress(xff("198.51.100.4"), 3)).toBe("198.51.100.4");
    expect(clientAddress(new Headers(xff("2001:db8::1")), 1)).toBe("2001:db8::1");
  });

  it("has no address for a missing, empty or invented value", () => {
    expect(clientAddress(undefined, 1)).toBeUndefined();
    expect(clientAddress({}, 1)).toBeUndefined();
    expect(clientAddress(xff(" , "), 1)).toBeUndefined();
    expect(clientAddress(xff("1.2.3.4, not-an-ip"), 1)).toBeUndefined();
    expect(clientAddress(xff("x".repeat(10_000)), 1)).toBeUndefined();
  });
});

describe("trustedProxyHops", () => {
  it("defaults to one proxy and refuses nonsense instead of trusting it", () => {
    expect(trustedProxyHops({})).toBe(1);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["0", "-1", "1.5", "many", "11"]) expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("clientOf", () => {
  it("cuts the user agent to 500 characters", () => {
    expect(clientOf({ "user-agent": "a".repeat(900), ...xff("203.0.113.1") })).toEqual({ ip: "203.0.113.1", userAgent: "a".repeat(500) });
  });
});
