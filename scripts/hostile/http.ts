/**
 * One HTTP client for every hostile request: counts them, and checks each answer against the
 * rules that hold whatever was sent: no 5xx, no stack trace or internal path in the body.
 */
import type { Body } from "./arbitraries";

export type Sent = { method: string; path: string; headers?: Record<string, string>; body?: Body; session?: string };
export type Answer = { status: number; location: string; contentType: string; text: string };

/** Traces of an internal error reaching the client. */
const LEAKS: [string, RegExp][] = [
  ["stack frame", /\n\s*at [^\n]*\(?[^\s()]+:\d+:\d+\)?/],
  ["error with an internal path", /Error:[^\n]{0,200}(\/work\/|\/app\/|\/home\/|\.next\/|node_modules)/],
  ["node_modules path", /node_modules\//],
  ["server path", /\/work\//],
  ["prisma", /prisma/i],
];

export class HostileClient {
  requests = 0;
  unsendable = 0;
  failures: string[] = [];
  decodeFailures = 0;
  decodeExample: string | undefined;
  private budgetNotes = new Map<string, number>();

  constructor(readonly base: string, readonly sessions: Record<string, string>) {}

  /** Sends and returns the answer, or null when fetch itself refuses the request (e.g. a bad header). */
  async send(req: Sent): Promise<Answer | null> {
    const headers: Record<string, string> = { ...(req.headers ?? {}) };
    if (req.body?.contentType) headers["content-type"] = req.body.contentType;
    const cookie = req.session ? this.sessions[req.session] : undefined;
    if (cookie) headers.cookie = headers.cookie ? `${cookie}; ${headers.cookie}` : cookie;
    let res: Response;
    try {
      res = await fetch(this.base + req.path, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : (req.body?.body as BodyInit | undefined),
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message} ${(error.cause as Error | undefined)?.message ?? ""}` : String(error);
      // Refused before leaving this process (invalid URL or header): nothing reached the server.
      if (error instanceof TypeError && !/fetch failed|other side closed|ECONNRESET|socket/i.test(message)) {
        this.unsendable++;
        return null;
      }
      this.requests++;
      this.fail(req, `no answer (${message.trim()})`);
      return null;
    }
    this.requests++;
    const contentType = res.headers.get("content-type") ?? "";
    const binary = /application\/pdf|octet-stream/.test(contentType);
    const text = binary ? "" : await res.text();
    if (binary) await res.arrayBuffer();
    const answer = { status: res.status, location: res.headers.get("location") ?? "", contentType, text };
    if (answer.status >= 500 && isNextDecodeFailure(req.path, answer)) {
      // Known, outside the app's reach: see isNextDecodeFailure. Counted and reported, not failed.
      this.decodeFailures++;
      this.decodeExample ??= req.path.split("?")[0];
    } else if (answer.status >= 500) this.fail(req, `status ${answer.status}`, text);
    const leak = LEAKS.find(([, re]) => re.test(text));
    if (leak) this.fail(req, `body shows a ${leak[0]}: …${excerpt(text, leak[1])}…`);
    return answer;
  }

  fail(req: Sent, why: string, body?: string) {
    // One line per distinct (target, reason): a broken action would otherwise print hundreds.
    const key = `${req.method} ${req.path.split("?")[0].slice(0, 120)} ${req.headers?.["next-action"] ?? ""} ${why.slice(0, 40)}`;
    const seen = this.budgetNotes.get(key) ?? 0;
    this.budgetNotes.set(key, seen + 1);
    if (seen > 0) return;
    const payload = req.body?.body instanceof FormData ? JSON.stringify([...req.body.body.entries()].map(([k, v]) => [k, String(v).slice(0, 80)])) : typeof req.body?.body === "string" ? req.body.body : req.body?.body ? `<${req.body.body.length} bytes>` : "";
    this.failures.push(`${req.method} ${req.path.slice(0, 200)} [session ${req.session ?? "none"}${req.headers?.["next-action"] ? `, action ${req.headers["next-action"]}` : ""}, ${req.body?.label ?? "no body"}] ${why}\n      payload: ${payload.slice(0, 300)}${body ? `\n      answer: ${body.slice(0, 300).replace(/\s+/g, " ")}` : ""}`);
  }

  /** How many times each distinct failure happened (the list prints each once). */
  repeats(): number {
    return [...this.budgetNotes.values()].reduce((n, c) => n + c, 0);
  }
}

/**
 * Next 16.4's router turns a malformed %-escape in a dynamic segment (`/ordini/%ZZ`) into a
 * DecodeError, then tries to render a pages-router /_error that an app-router build doesn't have,
 * and ends with a bare "Internal Server Error" — before the proxy or any page code runs, so no app
 * change can reach it. Recognised narrowly: that exact body, and a path that really can't be decoded.
 */
function isNextDecodeFailure(path: string, answer: Answer): boolean {
  if (answer.status !== 500 || answer.text !== "Internal Server Error") return false;
  try {
    for (const segment of path.split("?")[0].split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

function excerpt(text: string, re: RegExp) {
  const m = re.exec(text);
  if (!m) return "";
  return text.slice(Math.max(0, m.index - 60), m.index + 100).replace(/\s+/g, " ");
}

/** Runs tasks with at most `width` in flight (the server has two cores; more only queues). */
export async function pool<T>(items: T[], width: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await run(items[next++]);
  }));
}
