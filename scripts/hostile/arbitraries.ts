/**
 * What hostile input looks like, as fast-check generators: wrong types, huge and unicode strings,
 * NUL bytes, prototype-pollution keys, very long numbers, near-miss UUIDs, path traversal, and the
 * field names the forms really use (so that some payloads get past the first `safeParse` key check).
 */
import fc from "fast-check";

/** Field and query names read by the app's forms and pages (harvested from app/ at start-up, plus these). */
export const knownFields = [
  "orderId", "carta", "consenso", "cardId", "importo", "scelta", "sostituta", "rinnovi", "serviceId", "on", "ceilingConsent",
  "locale", "otp", "date", "customerCode", "invoicePaymentId", "invoiceId", "kind", "requestId", "status", "body", "to",
  "number", "fiscalCode", "amount", "email", "name", "subject", "message", "digits", "expMonth", "expYear", "cvv", "holder",
  "pagamento", "verifica", "errore", "esito", "callbackUrl", "csrfToken", "username", "password", "address", "json",
];

const dangerousStrings = [
  "__proto__", "constructor", "prototype", "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%00", "\u0000", "a\u0000b",
  "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP TABLE \"Customer\"; --", "${7*7}", "{{7*7}}", "%s%s%s%n", "\r\nX-Injected: 1",
  "9".repeat(400), "-0", "1e309", "NaN", "Infinity", "-1", "0x10", "12345678901234567890123456789", "1.5", "true", "null", "undefined",
  "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000g", "{00000000-0000-0000-0000-000000000000}",
  "ffffffff-ffff-ffff-ffff-ffffffffffff ", " 12345678-1234-1234-1234-123456789abc", "\u202e", "\ud800", "😀".repeat(50),
  "$K1", "$@0", "$Q1", "$h0", "$F0", "$T", "$undefined", "$n999999999999999999999", "$D2026-99-99", "$", "$$",
  "javascript:alert(1)", "//evil.example/", "https://evil.example", "/\\evil.example", "nuova", "1", "0", "rimuovi", "disattiva", "sostituisci",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...dangerousStrings) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 2000, maxLength: 6000 }) },
  { weight: 1, arbitrary: fc.uuid().map((u) => u) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** A key of an object a form might send: a real field, a pollution key or anything. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...knownFields) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf") },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** Any JSON value, biased towards the shapes forms expect but with wrong types in every place. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 6 }),
    fc.anything({ maxDepth: 2, withObjectString: true, withNullPrototype: true }),
  ),
})).value;

/** The argument list of a server action as the browser would send it (`action(...args)`). */
export const actionArgs: fc.Arbitrary<unknown[]> = fc.array(hostileValue, { maxLength: 3 });

/** Form fields: mostly the real names with hostile values. */
export const formFields: fc.Arbitrary<[string, string][]> = fc.array(fc.tuple(hostileKey, hostileString), { maxLength: 8 });

/** A dynamic segment value (already URL-encoded, as it would sit in a URL). */
export const segmentValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 3, arbitrary: hostileString.filter((s) => s.length < 3000).map(encodeSafe) },
  { weight: 1, arbitrary: fc.constantFrom("..", "%2e%2e", "..%2F..%2Fapi%2Fhealth", "%00", "%ZZ", "%", "%c0%ae", "a".repeat(5000), "-1", "0", "NaN") },
);

/** A query string: real parameter names, hostile values, repeated keys, broken escapes. */
export function queryString(names: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(fc.constantFrom(...names, ...knownFields), fc.string({ maxLength: 10 }).map(encodeSafe), fc.constantFrom("__proto__", "constructor[prototype][x]", "a[]"));
  const value = fc.oneof(hostileString.filter((s) => s.length < 3000).map(encodeSafe), fc.constantFrom("%", "%ZZ", "%00", "&&", "=="));
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => (pairs.length ? "?" + pairs.map(([k, v]) => `${k}=${v}`).join("&") : ""));
}

/** Header values a client could send (fetch refuses control characters, so printable ASCII). */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  // next-router-prefetch / purpose: a prefetch skips the proxy's CSP, and must not skip its checks of action posts.
  fc.constantFrom("x-forwarded-for", "x-real-ip", "user-agent", "accept-language", "accept", "referer", "x-forwarded-proto", "next-router-state-tree", "rsc", "next-url", "content-language", "cookie", "x-nonce", "if-none-match", "range", "next-router-prefetch", "purpose"),
  fc.oneof(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }), fc.constantFrom("999.999.999.999", "::1", "it;q=abc", "bytes=99999999-", "%7B%7D", "next-auth.session-token=garbage", "1", "prefetch")),
  { maxKeys: 3 },
);

export type Body = { contentType?: string; body?: string | Uint8Array | FormData; label: string };

/** A request body of a random kind: JSON, form, multipart, garbage bytes, sometimes ~1.5 MB. */
export const hostileBody: fc.Arbitrary<Body> = fc.oneof(
  { weight: 3, arbitrary: hostileValue.map((v) => ({ contentType: "application/json", body: JSON.stringify(v) ?? "null", label: "json" })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ contentType: "application/json", body: s, label: "broken-json" })) },
  { weight: 2, arbitrary: formFields.map((f) => ({ contentType: "application/x-www-form-urlencoded", body: new URLSearchParams(f).toString(), label: "form" })) },
  { weight: 2, arbitrary: formFields.map((f) => ({ body: toFormData(f), label: "multipart" })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => ({ contentType: "application/octet-stream", body: b, label: "bytes" })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 500 }).map((b) => ({ contentType: "multipart/form-data; boundary=xyz", body: b, label: "broken-multipart" })) },
  { weight: 1, arbitrary: fc.constantFrom<Body>({ label: "empty" }, { contentType: "text/plain", body: "", label: "empty-text" }) },
);

/** encodeURIComponent throws on a lone surrogate; such a string can't be in a URL anyway. */
function encodeSafe(s: string): string {
  return encodeURIComponent(s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

export const OVERSIZED_BYTES = 1_500_000;
export const oversizedBody = (): Body => ({ contentType: "application/json", body: JSON.stringify({ body: "x".repeat(OVERSIZED_BYTES) }), label: "oversized-json" });

export function toFormData(fields: [string, string][]): FormData {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  return form;
}
