import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import * as api from "./api";
import { authenticate, payCheckout, type CardEntry } from "./customer";
import { decodeForm } from "./form";
import { checkoutPage, threeDSecurePage } from "./pages";
import { ApiError, FakeStore, missing, type Params } from "./store";

/**
 * A stateful fake of the Stripe API on loopback, for tests (Stripe can't be reached here): the
 * endpoints the adapter uses, Stripe's idempotency rules, expansions, and signed webhooks. The
 * official SDK talks to it through its `host`, `port` and `protocol` options.
 */
export type FakeStripeOptions = { apiKey?: string; webhookSecret?: string; now?: () => number; webhookUrl?: string };

export type FakeStripe = {
  url: string;
  apiKey: string;
  webhookSecret: string;
  store: FakeStore;
  /** The next `count` API answers are computed, then the connection is cut before they arrive. */
  dropResponses(count: number): void;
  /** Events about an attempt (metadata.merchantRef), each signed as Stripe would deliver it. */
  webhooks(filter?: { merchantRef?: string; type?: string; signedSecondsAgo?: number }): { body: string; signature: string; event: Stripe.Event }[];
  stop(): Promise<void>;
};

const IDEMPOTENCY_TTL_S = 24 * 3600;
type Saved = { route: string; params: string; status: number; body: unknown; at: number };

export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const apiKey = options.apiKey ?? `sk_test_fake${randomBytes(8).toString("hex")}`;
  const webhookSecret = options.webhookSecret ?? `whsec_fake${randomBytes(8).toString("hex")}`;
  const store = new FakeStore(options.now ?? Date.now);
  const saved = new Map<string, Saved>();
  const signer = new Stripe(apiKey);
  let drop = 0;
  let delivered = 0;

  const sign = (event: Stripe.Event, secondsAgo = 0) => {
    const body = JSON.stringify(event, null, 2);
    return { body, event, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret: webhookSecret, timestamp: store.now() - secondsAgo }) };
  };

  async function deliver() {
    if (!options.webhookUrl) return;
    while (delivered < store.events.length) {
      const { body, signature } = sign(store.events[delivered++]);
      await fetch(options.webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body }).catch(() => undefined);
    }
  }

  function serveApi(method: string, path: string, params: Params, key: string | null): { status: number; body: unknown } {
    const signature = `${method} ${path}`;
    const fingerprint = JSON.stringify(params);
    if (method === "POST" && key) {
      const before = saved.get(key);
      if (before && before.at > store.now() - IDEMPOTENCY_TTL_S) {
        if (before.route !== signature || before.params !== fingerprint) {
          return { status: 400, body: { error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` } } };
        }
        return { status: before.status, body: before.body };
      }
    }
    store.idempotencyKey = key;
    let answer: { status: number; body: unknown };
    try {
      answer = { status: 200, body: expand(store, route(method, path, params), params) };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      answer = { status: error.status, body: { error: error.body } };
    }
    // Stripe saves a result once the endpoint ran (success or a card error), not a refused request.
    if (method === "POST" && key && (answer.status === 200 || answer.status === 402)) saved.set(key, { route: signature, params: fingerprint, ...answer, at: store.now() });
    return answer;

    function route(m: string, p: string, q: Params): unknown {
      for (const [verb, pattern, run] of routes) {
        const match = verb === m ? pattern.exec(p) : null;
        if (match) return run(match[1] ?? "", q);
      }
      throw new ApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${m}: ${p}).` });
    }
  }

  const routes: [string, RegExp, (id: string, q: Params) => unknown][] = [
    ["POST", /^\/v1\/customers$/, (_, q) => api.createCustomer(store, q)],
    ["POST", /^\/v1\/checkout\/sessions$/, (_, q) => api.createCheckoutSession(store, q)],
    ["GET", /^\/v1\/checkout\/sessions\/([^/]+)$/, (id) => found(store.session(id), id, "checkout.session")],
    ["POST", /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, (id) => api.expireCheckoutSession(store, id)],
    ["POST", /^\/v1\/payment_intents$/, (_, q) => api.createPaymentIntent(store, q)],
    ["GET", /^\/v1\/payment_intents$/, (_, q) => api.list(store.paymentIntents.values(), q, (i) => !q.customer || i.customer === q.customer, "/v1/payment_intents")],
    ["GET", /^\/v1\/payment_intents\/([^/]+)$/, (id) => found(store.paymentIntents.get(id), id, "payment_intent")],
    ["POST", /^\/v1\/payment_intents\/([^/]+)\/cancel$/, (id, q) => api.cancelIntent(store, "payment_intent", id, q)],
    ["GET", /^\/v1\/setup_intents\/([^/]+)$/, (id) => found(store.setupIntents.get(id), id, "setup_intent")],
    ["POST", /^\/v1\/setup_intents\/([^/]+)\/cancel$/, (id, q) => api.cancelIntent(store, "setup_intent", id, q)],
    ["GET", /^\/v1\/payment_methods\/([^/]+)$/, (id) => found(store.paymentMethods.get(id), id, "payment_method")],
    ["POST", /^\/v1\/payment_methods\/([^/]+)\/attach$/, (id, q) => api.attachPaymentMethod(store, id, q)],
    ["POST", /^\/v1\/payment_methods\/([^/]+)$/, (id, q) => api.updatePaymentMethod(store, id, q)],
    ["POST", /^\/v1\/refunds$/, (_, q) => api.createRefund(store, q)],
    ["GET", /^\/v1\/refunds$/, (_, q) => api.list(store.refunds.values(), q, (r) => !q.payment_intent || r.payment_intent === q.payment_intent, "/v1/refunds")],
  ];

  const server: Server = createServer(async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
    }
    void deliver();
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const raw = await readBody(req);
    if (url.pathname.startsWith("/v1/")) {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return json(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided" } });
      const params = req.method === "GET" ? decodeForm(url.search.slice(1)) : decodeForm(raw);
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const { status, body } = serveApi(req.method ?? "GET", url.pathname, params, key);
      if (drop > 0) {
        drop--;
        res.socket?.destroy();
        return;
      }
      return json(res, status, body);
    }
    return serveCustomer(req.method ?? "GET", url, raw, res);
  }

  function serveCustomer(method: string, url: URL, raw: string, res: ServerResponse) {
    const [, area, id, verb] = url.pathname.split("/");
    const form = new URLSearchParams(raw);
    const redirect = (to: string) => res.writeHead(303, { location: to }).end();
    if (area === "c" && id === "pay" && verb) {
      const session = store.session(verb);
      if (method === "GET") return html(res, session ? checkoutPage(session) : null);
      return redirect(payCheckout(store, verb, entryOf(form)).next || url.toString());
    }
    if (area === "_fake" && id === "3ds" && verb) {
      if (method === "GET") return html(res, store.intent(verb) ? threeDSecurePage(verb) : null);
      return redirect(authenticate(store, verb, form.get("result") === "complete" ? "complete" : "fail").next);
    }
    if (area === "_fake" && id === "webhooks" && method === "GET") {
      const q = url.searchParams;
      return json(res, 200, webhooks({ merchantRef: q.get("merchantRef") ?? undefined, type: q.get("type") ?? undefined, signedSecondsAgo: Number(q.get("signedSecondsAgo") ?? 0) }).map(({ body, signature }) => ({ body, signature })));
    }
    if (area === "_fake" && id === "intents" && method === "GET") {
      // For tests that count what the bank did: every intent with its charge's refunds.
      const intents = [...store.paymentIntents.values(), ...store.setupIntents.values()].map((intent) => {
        const charge = intent.object === "payment_intent" && typeof intent.latest_charge === "string" ? store.charges.get(intent.latest_charge) : undefined;
        const error = intent.object === "payment_intent" ? intent.last_payment_error : intent.last_setup_error;
        return { id: intent.id, object: intent.object, status: intent.status, metadata: intent.metadata, amount: intent.object === "payment_intent" ? intent.amount_received : 0, refunded: charge?.amount_refunded ?? 0, declineCode: error?.decline_code ?? error?.code ?? null };
      });
      return json(res, 200, intents);
    }
    if (area === "_fake" && id === "checkout" && verb && method === "POST") return json(res, 200, payCheckout(store, verb, JSON.parse(raw) as CardEntry));
    if (area === "_fake" && id === "authenticate" && verb && method === "POST") return json(res, 200, authenticate(store, verb, (JSON.parse(raw) as { result: "complete" | "fail" }).result));
    return json(res, 404, { error: { type: "invalid_request_error", message: "Not found" } });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store.baseUrl = url;
  return {
    url,
    apiKey,
    webhookSecret,
    store,
    dropResponses: (count) => void (drop = count),
    webhooks,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  function webhooks(filter: { merchantRef?: string; type?: string; signedSecondsAgo?: number } = {}) {
    return store.events
        .filter((e) => !filter.type || e.type === filter.type)
        .filter((e) => !filter.merchantRef || (e.data.object as { metadata?: Stripe.Metadata | null }).metadata?.merchantRef === filter.merchantRef)
        .map((e) => sign(e, filter.signedSecondsAgo));
  }
}

function found<T>(value: T | undefined, id: string, param: string): T {
  if (value === undefined) throw missing(id, param);
  return value;
}

function entryOf(form: URLSearchParams): CardEntry {
  const [month, year] = (form.get("expiry") ?? "").split("/").map((s) => Number(s.trim()));
  return { number: form.get("number") ?? "", holder: form.get("holder") ?? undefined, ...(month && year ? { expMonth: month, expYear: 2000 + (year % 100) } : {}) };
}

/** Replaces the ids named by `expand[]` (dotted paths) with the objects, as Stripe does. */
function expand(store: FakeStore, value: unknown, params: Params): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const paths = Array.isArray(params.expand) ? (params.expand as string[]) : [];
  for (const path of paths) expandPath(store, copy, path.split("."));
  return copy;
}

function expandPath(store: FakeStore, node: Record<string, unknown>, path: string[]) {
  const [head, ...rest] = path;
  let child = node[head];
  if (typeof child === "string") {
    const target = lookup(store, child);
    if (target) node[head] = child = structuredClone(target);
  }
  if (rest.length && child && typeof child === "object") expandPath(store, child as Record<string, unknown>, rest);
}

function lookup(store: FakeStore, id: string): object | undefined {
  if (id.startsWith("cs_")) return store.session(id);
  if (id.startsWith("pi_")) return store.paymentIntents.get(id);
  if (id.startsWith("seti_")) return store.setupIntents.get(id);
  if (id.startsWith("pm_")) return store.paymentMethods.get(id);
  if (id.startsWith("ch_")) return store.charges.get(id);
  if (id.startsWith("cus_")) return store.customers.get(id);
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_${randomBytes(8).toString("hex")}`, "stripe-version": "2026-10-28.endive" }).end(JSON.stringify(body));
}

function html(res: ServerResponse, page: string | null) {
  res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(page ?? "<!doctype html><title>Not found</title><p>Not found</p>");
}
