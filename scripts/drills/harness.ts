/**
 * What the fault drills share: ok/FAIL lines, the processes they start (production server,
 * standalone worker) with their output kept in a log directory, and the customer's side of the
 * area over plain HTTP (login, and the server-action forms posted the way a browser without
 * JavaScript posts them).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { loginJar, type CookieJar } from "../bench-http";

export const failures: string[] = [];

export function check(ok: boolean, what: string) {
  console.log(`fault-drills: ${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export type Proc = { child: ChildProcess; name: string; log: string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

const running = new Set<ChildProcess>();

/** Starts a process in its own process group, output (stdout + stderr) into `<logDir>/<name>.log`. */
export function startProc(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Proc {
  const log = path.join(logDir, `${name}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.pipe(out, { end: false });
  child.stderr!.pipe(out, { end: false });
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, name, log, exited };
}

export const startServer = (name: string, port: number, env: NodeJS.ProcessEnv, logDir: string) =>
  startProc(name, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], env, logDir);

export const startWorker = (name: string, env: NodeJS.ProcessEnv, logDir: string) => startProc(name, ["--import", "tsx", "scripts/worker.ts"], env, logDir);

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopProc(p: Proc, graceMs = 5000) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-p.child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  group("SIGTERM");
  const timer = setTimeout(() => group("SIGKILL"), graceMs);
  await p.exited;
  clearTimeout(timer);
  group("SIGKILL"); // anything the server forked and left behind
}

/** Last resort on the way out (an exception in the drill): nothing started here survives it. */
export function killAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }
}

export async function waitReady(base: string, p: Proc, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`${p.name} exited before it was ready (see ${p.log})`);
    if (await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`${p.name}: ${base} not ready in ${timeoutMs / 1000} s (see ${p.log})`);
}

/** Logs in through next-auth's credentials endpoint, as the login form does. */
export function login(base: string, username: string, password: string): Promise<CookieJar> {
  return loginJar(base, "account", { username, password });
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The server-action form of a page that has the field `field` (the language switch is one too),
 * submitted as a browser without JavaScript does (multipart, the hidden `$ACTION_…` fields Next
 * renders for progressive enhancement).
 * Resolves with the redirect's target, or rejects when the connection drops (the server died).
 */
export async function submitActionForm(base: string, pagePath: string, field: string, jar: CookieJar | null, extra: Record<string, string> = {}): Promise<{ status: number; location: string | null }> {
  const headers: Record<string, string> = jar ? { cookie: jar.toString() } : {};
  const page = await fetch(base + pagePath, { headers, redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`GET ${pagePath}: HTTP ${page.status}`);
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes('name="$ACTION_') && f.includes(`name="${field}"`));
  if (!form) throw new Error(`GET ${pagePath}: no server-action form`);
  const body = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
    if (!name || !/\btype="hidden"/.test(input[0])) continue;
    body.append(decode(name), decode(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? ""));
  }
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  const res = await fetch(base + pagePath, { method: "POST", body, redirect: "manual", headers: { ...headers, origin: base, referer: base + pagePath } });
  if (jar) jar.keep(res);
  await res.body?.cancel();
  return { status: res.status, location: res.headers.get("location") };
}
