/**
 * The HTTP side of `npm run bench`: autocannon against one page with a session cookie, latencies
 * recorded per response (autocannon's own summary has no p95), server memory sampled meanwhile.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

export type HttpResult = {
  path: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  rssMaxMiB: number;
};

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  // Milliseconds to one decimal: finer than that is noise on a shared machine.
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

/** Resident memory of a process and its children (next start forks its server), in MiB. */
export function rssMiB(pid: number): number {
  const kib = (p: number): number => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      return own + children.reduce((sum, c) => sum + kib(c), 0);
    } catch {
      return 0;
    }
  };
  return kib(pid) / 1024;
}

export async function measure(opts: { baseUrl: string; path: string; cookie: string; connections: number; seconds: number; serverPid: number }): Promise<HttpResult> {
  const latencies: number[] = [];
  let rssMax = 0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMiB(opts.serverPid))), 250);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: opts.baseUrl + opts.path, connections: opts.connections, duration: opts.seconds, headers: { cookie: opts.cookie } };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    path: opts.path,
    connections: opts.connections,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rssMaxMiB: Math.round(rssMax),
  };
}

/** First-load JavaScript per route, gzip, from the build's own diagnostics (Turbopack). */
export function firstLoadJs(routes: string[]): { route: string; gzipKiB: number; rawKiB: number }[] {
  const stats = JSON.parse(readFileSync(".next/diagnostics/route-bundle-stats.json", "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  return routes.flatMap((route) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) return [];
    const files = entry.firstLoadChunkPaths.map((f) => readFileSync(f));
    const raw = files.reduce((n, b) => n + b.length, 0);
    const gzip = files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    return [{ route, gzipKiB: Math.round(gzip / 102.4) / 10, rawKiB: Math.round(raw / 102.4) / 10 }];
  });
}

/** Logs in through next-auth's credentials endpoint, as the login form does; returns the cookie header. */
export function login(baseUrl: string, username: string, password: string): Promise<string> {
  return loginAs(baseUrl, "account", { username, password });
}

/** The same for any of the login forms: username (account), PEC mailbox (pec) or staff. */
export async function loginAs(baseUrl: string, provider: "account" | "pec" | "staff", fields: Record<string, string>, opts: { totp?: () => string } = {}): Promise<string> {
  return (await loginJar(baseUrl, provider, fields, opts)).toString();
}

/** The cookies of one browser, kept from each response's Set-Cookie. */
export class CookieJar {
  private jar = new Map<string, string>();
  keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  toString() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(suffix: string) {
    return [...this.jar.keys()].some((k) => k.endsWith(suffix));
  }
}

/**
 * A login through next-auth's credentials endpoint that returns the browser's whole cookie jar.
 * When the account asks for its second step (staff always do), `totp` gives the authenticator's code.
 */
export async function loginJar(baseUrl: string, provider: "account" | "pec" | "staff", fields: Record<string, string>, opts: { totp?: () => string } = {}): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  jar.keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const post = async (to: string, form: Record<string, string>) => {
    const res = await fetch(`${baseUrl}/api/auth/callback/${to}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.toString(), origin: baseUrl },
      body: new URLSearchParams({ ...form, csrfToken, json: "true" }),
    });
    jar.keep(res);
    return res;
  };
  let res = await post(provider, fields);
  // With json=true next-auth answers {url}; a refusal names its code in the url's `error`.
  const answer = (await res.clone().json().catch(() => null)) as { url?: string } | null;
  const error = answer?.url ? new URL(answer.url, baseUrl).searchParams.get("error") : null;
  const ticket = /^second_step:([A-Za-z0-9_-]{43}):/.exec(error ?? "")?.[1];
  if (ticket && opts.totp) res = await post("second-step", { ticket, method: "totp", code: opts.totp() });
  if (!jar.has("session-token")) throw new Error(`${provider} login failed (${res.status})`);
  return jar;
}

/** Waits for a server's readiness endpoint (database reachable, migrations applied). */
export async function waitReady(baseUrl: string, timeoutMs = 60_000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await fetch(`${baseUrl}/api/ready`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${baseUrl} did not become ready in ${timeoutMs / 1000} s`);
}
