import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import { isUuid } from "@/lib/db/ids";
import type { GatewaySignal } from "../types";
import { hmacHex, signatureMatches } from "./secret";

/** A return link is refused after this long: the area then asks getOutcome, which is the truth anyway. */
const RETURN_MAX_AGE_S = 10 * 60;
const NOTIFICATION_MAX_AGE_S = 5 * 60;
/** Tolerated clock difference for timestamps "from the future". */
const MAX_SKEW_S = 60;

type ReturnFields = { ref: string; kind: "session" | "charge"; merchantRef: string };

const unixNow = () => Math.floor(now().getTime() / 1000);
const fresh = (ts: number, maxAge: number) => ts <= unixNow() + MAX_SKEW_S && ts >= unixNow() - maxAge;

// One field per line, with a purpose prefix: no value can shift into the next field, and a
// signature made for a return link is never valid as a notification's (or the other way round).
const returnMessage = (f: ReturnFields, ts: string) => ["gw-return", f.ref, f.kind, f.merchantRef, ts].join("\n");

/** The merchant's returnUrl with the signed query the browser brings back. */
export function signedReturnUrl(returnUrl: string, fields: ReturnFields): string {
  const relative = returnUrl.startsWith("/");
  const url = new URL(returnUrl, "http://relative.invalid");
  const ts = String(unixNow());
  url.searchParams.set("gw_ref", fields.ref);
  url.searchParams.set("gw_kind", fields.kind);
  url.searchParams.set("gw_mref", fields.merchantRef);
  url.searchParams.set("gw_ts", ts);
  url.searchParams.set("gw_sig", hmacHex(returnMessage(fields, ts)));
  return relative ? `${url.pathname}${url.search}${url.hash}` : url.toString();
}

const lookupOf = (kind: "session" | "charge", ref: string) => (kind === "session" ? { sessionId: ref } : { chargeId: ref });

export function verifyReturn(query: URLSearchParams): GatewaySignal | null {
  const [ref, kind, merchantRef, ts, sig] = ["gw_ref", "gw_kind", "gw_mref", "gw_ts", "gw_sig"].map((k) => query.get(k) ?? "");
  if (!isUuid(ref) || (kind !== "session" && kind !== "charge") || !merchantRef || !/^\d{1,12}$/.test(ts)) return null;
  if (!signatureMatches(sig, hmacHex(returnMessage({ ref, kind, merchantRef }, ts)))) return null;
  if (!fresh(Number(ts), RETURN_MAX_AGE_S)) return null;
  return { id: ref, merchantRef, lookup: lookupOf(kind, ref) };
}

export function signNotification(timestamp: string, body: string): string {
  return hmacHex(`${timestamp}.${body}`);
}

const notificationBody = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(["session", "charge"]),
  ref: z.string().refine(isUuid),
  merchantRef: z.string().min(1),
  status: z.enum(["succeeded", "failed"]),
});

export function verifyNotification(rawBody: string, headers: Headers): GatewaySignal | null {
  const ts = headers.get("x-gateway-timestamp") ?? "";
  const sig = headers.get("x-gateway-signature") ?? "";
  if (!/^\d{1,12}$/.test(ts) || !signatureMatches(sig, signNotification(ts, rawBody))) return null;
  if (!fresh(Number(ts), NOTIFICATION_MAX_AGE_S)) return null;
  let parsed;
  try {
    parsed = notificationBody.safeParse(JSON.parse(rawBody));
  } catch {
    return null;
  }
  if (!parsed.success) return null;
  const { id, kind, ref, merchantRef } = parsed.data;
  return { id, merchantRef, lookup: lookupOf(kind, ref) };
}
