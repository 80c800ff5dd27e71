/**
 * Cross-site requests. Server actions: Next refuses a POST whose Origin is not the Host. Route
 * handlers that change state: next-auth's sign-in/sign-out need its CSRF token (double-submit
 * cookie), the bank's notification needs the HMAC signature, the dev fixtures route does not
 * exist in production (and checks the Origin where it does). The state itself is checked by the
 * caller's checksum; here each request is also checked for its own effect.
 */
import { createHmac } from "node:crypto";
import type { HostileClient } from "./http";

const EVIL = "https://evil.example";

export async function runCsrf(client: HostileClient, ids: { renewingService: string; payment: string }, gatewaySecret: string, actionIds: Record<string, string>, check: (ok: boolean, what: string) => void, read: () => Promise<{ locale: string; autoRenewal: boolean }>) {
  const before = await read();
  const other = before.locale === "en" ? "it" : "en";
  const localeForm = () => {
    const f = new FormData();
    f.append("_1_locale", other);
    f.set("0", '["$K1"]');
    return f;
  };
  const mpaForm = () => {
    const f = new FormData();
    f.set(`$ACTION_ID_${actionIds.setLocaleAction}`, "");
    f.set("locale", other);
    return f;
  };
  const switchOff = JSON.stringify([{ serviceId: ids.renewingService, on: false }]);
  const answers = [
    await client.send({ method: "POST", path: "/", session: "mario", headers: { origin: EVIL, "next-action": actionIds.setLocaleAction }, body: { body: localeForm(), label: "csrf-fetch-action" } }),
    await client.send({ method: "POST", path: "/", session: "mario", headers: { origin: EVIL }, body: { body: mpaForm(), label: "csrf-form-post" } }),
    await client.send({ method: "POST", path: "/", session: "mario", headers: { origin: "null", "next-action": actionIds.setLocaleAction }, body: { body: localeForm(), label: "csrf-null-origin" } }),
    await client.send({ method: "POST", path: `/servizi/${ids.renewingService}`, session: "mario", headers: { origin: EVIL, "next-action": actionIds.switchRenewalAction }, body: { contentType: "text/plain;charset=UTF-8", body: switchOff, label: "csrf-switch" } }),
    await client.send({ method: "POST", path: `/servizi/${ids.renewingService}`, session: "mario", headers: { origin: EVIL, "next-action": actionIds.switchRenewalAction, "next-router-prefetch": "1" }, body: { contentType: "text/plain;charset=UTF-8", body: switchOff, label: "csrf-switch-prefetch" } }),
  ];
  const after = await read();
  const statuses = answers.map((a) => a?.status ?? "-").join(", ");
  check(after.locale === before.locale && after.autoRenewal === before.autoRenewal && answers.every((a) => a?.status === 403),
    `server actions posted with Origin https://evil.example / null (fetch and no-JS form) are refused with 403 and change nothing (statuses ${statuses})`);

  // next-auth: the right password but no CSRF token (a cross-site form can't read it) opens no session.
  const signIn = await fetch(`${client.base}/api/auth/callback/account`, {
    method: "POST", redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: EVIL },
    body: new URLSearchParams({ username: "anna.bianchi", password: "Demo1234!", json: "true" }),
  });
  client.requests++;
  const gotSession = signIn.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c));
  check(signIn.status < 500 && !gotSession, `next-auth sign-in without its CSRF token is refused (${signIn.status}, no session cookie)`);

  // The bank's notification about mario's open payment: unsigned, signed with another secret,
  // and correctly signed but 10 minutes old (a replay). Each must be refused with 401.
  const body = JSON.stringify({ id: crypto.randomUUID(), kind: "session", ref: crypto.randomUUID(), merchantRef: ids.payment, status: "succeeded" });
  const now = Math.floor(Date.now() / 1000);
  const sign = (secret: string, ts: number) => createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex");
  const forgeries: [string, Record<string, string>][] = [
    ["unsigned", {}],
    ["signed with another secret", { "x-gateway-timestamp": String(now), "x-gateway-signature": sign("not-the-secret", now) }],
    ["a 10-minute-old replay", { "x-gateway-timestamp": String(now - 600), "x-gateway-signature": sign(gatewaySecret, now - 600) }],
    ["malformed timestamp", { "x-gateway-timestamp": `${now}.5`, "x-gateway-signature": sign(gatewaySecret, now) }],
  ];
  for (const [what, headers] of forgeries) {
    const res = await client.send({ method: "POST", path: "/api/payments/notify", headers: { ...headers, origin: EVIL }, body: { contentType: "application/json", body, label: "forged-notification" } });
    check(res?.status === 401, `a bank notification ${what} is refused (${res?.status})`);
  }

  // The dev fixtures route creates customers: refused cross-site wherever it exists, absent in production.
  const crossSite = await client.send({ method: "POST", path: "/dev/fixtures/customers", headers: { origin: EVIL }, body: { contentType: "text/plain", body: "{}", label: "csrf-dev-fixture" } });
  const sameSite = await client.send({ method: "POST", path: "/dev/fixtures/customers", body: { contentType: "application/json", body: "{}", label: "dev-fixture" } });
  check(crossSite?.status === 403 && sameSite?.status === 404, `the dev fixtures route: cross-site 403, and 404 in production (${crossSite?.status}, ${sameSite?.status})`);
}

/** After the checksum: the same action with the right Origin does change the locale (the refusals above were real). */
export async function csrfControl(client: HostileClient, actionId: string, read: () => Promise<{ locale: string }>, check: (ok: boolean, what: string) => void) {
  const before = await read();
  const f = new FormData();
  f.append("_1_locale", before.locale === "en" ? "it" : "en");
  f.set("0", '["$K1"]');
  const res = await client.send({ method: "POST", path: "/", session: "mario", headers: { origin: client.base, "next-action": actionId }, body: { body: f, label: "same-origin-control" } });
  const after = await read();
  check(after.locale !== before.locale, `control: the same action from the site's own origin works (${res?.status}, locale ${before.locale} → ${after.locale})`);
}
