import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock, setClock } from "@/lib/clock";
import { signedReturnUrl, signNotification, verifyNotification, verifyReturn } from "./signing";

const T0 = new Date("2026-11-25T10:00:00.000Z");
const ref = "0b8f1f9e-5a6b-4c1d-9e2f-3a4b5c6d7e8f";
const query = (url: string) => new URL(url, "http://area.test").searchParams;

beforeEach(() => setClock(T0));
afterEach(() => resetClock());

describe("signed return redirect", () => {
  const url = () => signedReturnUrl("/ordini/7/esito?tab=1", { ref, kind: "session", merchantRef: "pay-7" });

  it("is accepted as signed, keeping the merchant's own query", () => {
    expect(url()).toMatch(/^\/ordini\/7\/esito\?tab=1&gw_ref=/);
    expect(verifyReturn(query(url()))).toEqual({ id: ref, merchantRef: "pay-7", lookup: { sessionId: ref } });
  });

  it.each([
    ["gw_ref", "1b8f1f9e-5a6b-4c1d-9e2f-3a4b5c6d7e8f"],
    ["gw_kind", "charge"],
    ["gw_mref", "pay-8"],
    ["gw_ts", String(T0.getTime() / 1000 + 1)],
    ["gw_sig", "0".repeat(64)],
    ["gw_sig", "not-hex"],
  ])("is refused when %s is changed", (name, value) => {
    const q = query(url());
    q.set(name, value);
    expect(verifyReturn(q)).toBeNull();
  });

  it("is refused without its signature, or when older than 10 minutes", () => {
    const q = query(url());
    advanceClock(10 * 60_000);
    expect(verifyReturn(q)).not.toBeNull();
    advanceClock(1_000);
    expect(verifyReturn(q)).toBeNull();
    q.delete("gw_sig");
    expect(verifyReturn(q)).toBeNull();
  });

  it("keeps an absolute return URL absolute", () => {
    const absolute = signedReturnUrl("https://area.example/esito", { ref, kind: "charge", merchantRef: "m" });
    expect(absolute).toMatch(/^https:\/\/area\.example\/esito\?gw_ref=/);
    expect(verifyReturn(new URL(absolute).searchParams)?.lookup).toEqual({ chargeId: ref });
  });
});

describe("signed notification", () => {
  const body = JSON.stringify({ id: "evt_1", kind: "charge", ref, merchantRef: "pay-7", status: "succeeded" });
  const headersAt = (ts: number, raw = body) => new Headers({ "x-gateway-timestamp": String(ts), "x-gateway-signature": signNotification(String(ts), raw) });
  const nowS = T0.getTime() / 1000;

  it("is accepted with its id", () => {
    expect(verifyNotification(body, headersAt(nowS))).toEqual({ id: "evt_1", merchantRef: "pay-7", lookup: { chargeId: ref } });
  });

  it("is refused when the body or the timestamp is tampered with", () => {
    const headers = headersAt(nowS);
    expect(verifyNotification(body.replace("succeeded", "failed"), headers)).toBeNull();
    headers.set("x-gateway-timestamp", String(nowS + 1));
    expect(verifyNotification(body, headers)).toBeNull();
    expect(verifyNotification(body, new Headers())).toBeNull();
  });

  it("is refused when older than 5 minutes or from the future", () => {
    expect(verifyNotification(body, headersAt(nowS - 300))).not.toBeNull();
    expect(verifyNotification(body, headersAt(nowS - 301))).toBeNull();
    expect(verifyNotification(body, headersAt(nowS + 3600))).toBeNull();
  });

  it("is refused when signed but not a notification", () => {
    expect(verifyNotification("[]", headersAt(nowS, "[]"))).toBeNull();
    expect(verifyNotification("{", headersAt(nowS, "{"))).toBeNull();
  });
});
