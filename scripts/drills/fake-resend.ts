/**
 * A stand-in for Resend's `POST /emails` (the SDK honours RESEND_BASE_URL), with an outage:
 * until `outageUntil` it answers 500 and 503, except that it once accepts the mail and drops the
 * connection without answering, and once accepts it and never answers at all. Afterwards it
 * accepts. Like Resend, an `Idempotency-Key` already accepted gets the same id back and is not a
 * second mail; `inbox` is what recipients would actually get.
 */
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";

export type FakeResend = {
  url: string;
  /** One entry per mail actually delivered. */
  inbox: { id: string; key: string | null; to: string; subject: string; at: number }[];
  stats: { requests: number; errors: number; dropped: number; hung: number; replayed: number };
  startOutage(ms: number): void;
  close(): Promise<void>;
};

export async function startFakeResend(): Promise<FakeResend> {
  const inbox: FakeResend["inbox"] = [];
  const stats = { requests: 0, errors: 0, dropped: 0, hung: 0, replayed: 0 };
  const byKey = new Map<string, string>();
  let outageUntil = 0;
  let dropOnce = true;
  let hangOnce = true;
  const hung = new Set<import("node:http").ServerResponse>();

  const accept = (key: string | null, mail: { to?: string | string[]; subject?: string }) => {
    const id = randomUUID();
    if (key) byKey.set(key, id);
    inbox.push({ id, key, to: [mail.to ?? ""].flat().join(","), subject: mail.subject ?? "", at: Date.now() });
    return id;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      stats.requests++;
      if (req.method !== "POST" || req.url !== "/emails") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ name: "not_found", statusCode: 404, message: "not found" }));
        return;
      }
      if (req.headers.authorization !== "Bearer re_test") {
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ name: "missing_api_key", statusCode: 401, message: "bad key" }));
        return;
      }
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const mail = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { to?: string | string[]; subject?: string };
      const known = key ? byKey.get(key) : undefined;
      if (known) {
        // Resend answers a key it has seen with the first answer: no second mail.
        stats.replayed++;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: known }));
        return;
      }
      if (Date.now() < outageUntil) {
        if (dropOnce) {
          dropOnce = false;
          stats.dropped++;
          accept(key, mail); // taken in, but the answer is lost on the way back
          res.socket?.destroy();
          return;
        }
        if (hangOnce) {
          hangOnce = false;
          stats.hung++;
          accept(key, mail); // taken in, and the answer never comes
          hung.add(res);
          return;
        }
        stats.errors++;
        const status = stats.errors % 2 ? 500 : 503;
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ name: "application_error", statusCode: status, message: "Temporarily unavailable" }));
        return;
      }
      const id = accept(key, mail);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    inbox,
    stats,
    startOutage(ms) {
      outageUntil = Date.now() + ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
