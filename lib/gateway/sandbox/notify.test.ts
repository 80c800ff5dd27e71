import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registerJobHandler, runDueJobs } from "@/lib/jobs";
import { truncateAllTables } from "@/tests/db";
import { sandboxGateway as gw, sendGatewayNotification } from ".";
import { resolveNotifyUrl } from "./notify";
import { simulateHostedPayment } from "./simulate";

type Received = { headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let answers: number[] = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(answers.shift() ?? 204).end();
  });
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = base;
  registerJobHandler("gateway.notify", sendGatewayNotification);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(async () => {
  await truncateAllTables();
  received.length = 0;
  answers = [];
});

async function paidSession() {
  const { sessionId } = await gw.createHostedSession({
    kind: "PAYMENT", amountCents: 990, currency: "EUR", merchantRef: "pay-1", merchantCustomerRef: "c1",
    idempotencyKey: "k1", returnUrl: "/back", notifyUrl: "/api/payments/notify", saveCard: true, description: "Ordine",
  });
  await simulateHostedPayment(sessionId, { number: "4242424242424242" });
  return sessionId;
}

it("posts the signed notification to the merchant's relative notifyUrl, once", async () => {
  const sessionId = await paidSession();
  expect(await runDueJobs({ workerId: "w" })).toMatchObject({ done: 1 });
  expect(received).toHaveLength(1);
  const [{ headers, body }] = received;
  expect(JSON.parse(body)).toEqual({ id: expect.stringMatching(/^evt_/), kind: "session", ref: sessionId, merchantRef: "pay-1", status: "succeeded" });
  const signal = gw.verifyNotification(body, new Headers(headers as Record<string, string>));
  expect(signal).toEqual({ id: JSON.parse(body).id, merchantRef: "pay-1", lookup: { sessionId } });
  expect(await runDueJobs({ workerId: "w" })).toMatchObject({ claimed: 0 });
});

it("retries after a 500 with the same notification id, freshly signed", async () => {
  await paidSession();
  answers = [500];
  expect(await runDueJobs({ workerId: "w" })).toMatchObject({ retried: 1 });
  const job = await db.job.findFirstOrThrow();
  expect(job.lastError).toContain("HTTP 500");
  expect(await runDueJobs({ workerId: "w", now: new Date(job.runAt.getTime() + 1) })).toMatchObject({ done: 1 });
  expect(received).toHaveLength(2);
  expect(received[1].body).toBe(received[0].body);
  expect(gw.verifyNotification(received[1].body, new Headers(received[1].headers as Record<string, string>))).not.toBeNull();
});

it("resolves a relative notifyUrl against APP_URL, then NEXTAUTH_URL, then the local default", () => {
  expect(resolveNotifyUrl("/n", { APP_URL: "https://a.example/" })).toBe("https://a.example/n");
  expect(resolveNotifyUrl("/n", { NEXTAUTH_URL: "http://127.0.0.1:3100" })).toBe("http://127.0.0.1:3100/n");
  expect(resolveNotifyUrl("/n", {})).toBe("http://127.0.0.1:3000/n");
  expect(resolveNotifyUrl("https://b.example/x", { APP_URL: "https://a.example" })).toBe("https://b.example/x");
});
