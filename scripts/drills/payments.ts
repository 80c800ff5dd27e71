/**
 * Drill 1: the server SIGKILLed at each step of a payment (lib/ops/failpoints.ts). Each case gets
 * a fresh customer and one short server life with its failpoint armed; the payment is made over
 * HTTP as a browser without JavaScript makes it (the bank's own hosted page, which needs
 * JavaScript, is driven through the sandbox bank's use cases: the "customer" types the card
 * there). Then one server and worker, without failpoints, must settle every case.
 */
import type { FailpointName } from "../../lib/ops/failpoints";
import type { CookieJar } from "../bench-http";
import { check, login, secs, sleep, startServer, stopProc, submitActionForm, waitReady } from "./harness";

type Ctx = { base: string; port: number; env: NodeJS.ProcessEnv; logDir: string };

export type KillCase = {
  failpoint: FailpointName;
  kind: "order-saved" | "order-hosted" | "invoice";
  /** The bank was never called: nothing charged, the attempt is closed and the debt paid afresh. */
  notSent: boolean;
  customerId?: string;
  email?: string;
  receiptEmail?: string;
  orderId?: string;
  invoiceId?: string;
  invoice?: { number: string; customerCode: string; fiscalCode: string };
  killedAt?: number;
  died?: boolean;
  settledAt?: number;
};

export const killCases: KillCase[] = [
  // The two that never reach the bank first: the in-flight grace (60 s) starts at their kill.
  { failpoint: "attempt.after-sent", kind: "order-saved", notSent: true },
  { failpoint: "attempt.after-sent", kind: "invoice", notSent: true },
  { failpoint: "attempt.after-charge", kind: "order-saved", notSent: false },
  { failpoint: "attempt.after-record", kind: "order-saved", notSent: false },
  { failpoint: "attempt.confirm-before-record", kind: "order-hosted", notSent: false },
  { failpoint: "attempt.confirm-before-record", kind: "invoice", notSent: false },
];

const { db } = await import("../../lib/db");
const { sendCardDetails } = await import("../../lib/gateway/sandbox/hosted");
const { enterCardDetails } = await import("../../lib/gateway/sandbox/sessions");
const { cardDetailsInput } = await import("../../lib/gateway/sandbox/card-input");
const { prepareInvoicePayment } = await import("../../lib/invoice-payments/lookup");

type Fixture = { customerId: string; username: string; email: string; customerCode: string; fiscalCode: string; order: { id: string }; invoices: { id: string; number: string }[] };

async function newCustomer(base: string, shape: object): Promise<Fixture> {
  const res = await fetch(`${base}/dev/fixtures/customers`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(shape) });
  if (res.status !== 201) throw new Error(`fixture customer: HTTP ${res.status}`);
  return (await res.json()) as Fixture;
}

/** The customer at the bank's hosted page: types a good card, "Procedi", "Invio dati"; where the bank sends the browser back. */
async function payAtBank(bankUrl: string): Promise<string> {
  const sessionId = /\/gateway\/pay\/([0-9a-f-]{36})/.exec(bankUrl)?.[1];
  if (!sessionId) throw new Error(`not the bank's page: ${bankUrl}`);
  const card = cardDetailsInput.parse({ number: "4242 4242 4242 4242", expiry: "12/30", cvv: "123", holder: "Cliente QA" });
  if (!(await enterCardDetails(sessionId, card))) throw new Error(`bank session ${sessionId} refused the card`);
  return sendCardDetails(sessionId);
}

/** Order: checkout with the saved card or a new one (ceiling step when the page asks), then on. */
async function payOrder(base: string, jar: CookieJar, orderId: string, carta: string): Promise<string | null> {
  const pay = `/ordini/${orderId}/paga`;
  const summary = await fetch(`${base}${pay}/riepilogo?carta=${carta}`, { headers: { cookie: jar.toString() } }).then((r) => r.text());
  // The summary posts the payment itself, unless the ceiling step comes first (a link to it).
  const step = summary.includes('name="orderId"') ? `${pay}/riepilogo?carta=${carta}` : `${pay}/massimale?carta=${carta}`;
  const { location } = await submitActionForm(base, step, "orderId", jar);
  return location;
}

async function payInvoice(base: string, c: KillCase, ip: string): Promise<string | null> {
  const inv = c.invoice!;
  const { invoicePaymentId } = await prepareInvoicePayment({
    input: { invoiceNumber: inv.number, customerCode: inv.customerCode, amount: "122,00", regime: "ORDINARY", payerName: "Cliente QA", payerTaxId: inv.fiscalCode, receiptEmail: c.receiptEmail },
    ip,
  });
  const { location } = await submitActionForm(base, `/paga-fattura/${invoicePaymentId}`, "invoicePaymentId", null);
  return location;
}

/** Everything up to the point where the armed failpoint should kill the server. */
async function drive(ctx: Ctx, c: KillCase, i: number) {
  const base = ctx.base;
  if (c.kind === "invoice") {
    const f = await newCustomer(base, { kind: "no-card", invoices: true });
    Object.assign(c, { customerId: f.customerId, invoiceId: f.invoices[0].id, receiptEmail: `payer-${i}@example.it`, invoice: { number: f.invoices[0].number, customerCode: f.customerCode, fiscalCode: f.fiscalCode } });
    const toBank = await payInvoice(base, c, `203.0.113.${10 + i}`);
    if (c.failpoint === "attempt.after-sent") return;
    const back = await payAtBank(toBank ?? "");
    await fetch(base + back, { redirect: "manual" });
    return;
  }
  const f = await newCustomer(base, { kind: c.kind === "order-saved" ? "saved-card" : "no-card" });
  Object.assign(c, { customerId: f.customerId, orderId: f.order.id, email: f.email });
  const jar = await login(base, f.username, "Demo1234!");
  if (c.kind === "order-saved") {
    const card = await db.card.findFirstOrThrow({ where: { customerId: f.customerId }, select: { id: true } });
    await payOrder(base, jar, f.order.id, card.id);
    return;
  }
  const toBank = await payOrder(base, jar, f.order.id, "nuova");
  const back = await payAtBank(toBank ?? "");
  await fetch(base + back, { headers: { cookie: jar.toString() }, redirect: "manual" });
}

/** "attempt.after-sent (invoice)": the failpoint and what was being paid. */
const label = (c: KillCase) => `${c.failpoint} (${c.kind})`;

/** How many attempts in each status, as "SUCCEEDED 1". */
function tally(attempts: { status: string }[]) {
  const counts = new Map<string, number>();
  for (const a of attempts) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts].map(([status, _count]) => ({ status, _count }));
}

/** One short server life per failpoint: it must die there. */
export async function killPhase(ctx: Ctx) {
  for (const [i, c] of killCases.entries()) {
    const server = startServer(`kill-${c.failpoint}`, ctx.port, { ...ctx.env, AREA_FAILPOINT: c.failpoint }, ctx.logDir);
    await waitReady(ctx.base, server);
    let error: unknown;
    try {
      await drive(ctx, c, i);
    } catch (e) {
      error = e; // the connection dropping is what is expected
    }
    const exit = await Promise.race([server.exited, sleep(10_000).then(() => null)]);
    c.killedAt = Date.now();
    c.died = exit?.signal === "SIGKILL" || exit?.code === 137;
    const { readFileSync } = await import("node:fs");
    const said = readFileSync(server.log, "utf8").includes(`failpoint ${c.failpoint}: SIGKILL`);
    check(c.died && said, `${label(c)}: the server was SIGKILLed at that point${c.died ? "" : ` (it did not die: ${exit ? JSON.stringify(exit) : "still running"}${error ? `, ${String(error)}` : ""})`}`);
    await stopProc(server, 1000);
    const attempts = (await attemptsOf(c)).filter((a) => a.activeKey || a.status === "SUCCEEDED").length;
    check(attempts === 1, `${label(c)}: the attempt is stored (${attempts} found)`);
    if (c.died && (await isPaid(c))) c.settledAt = c.killedAt; // recorded before the kill
  }
}

/** The case's attempts at the bank (lib/attempts), whatever they pay. */
function attemptsOf(c: KillCase) {
  return db.attempt.findMany({
    where: c.kind === "invoice" ? { invoicePayment: { invoiceId: c.invoiceId } } : { orderPayment: { customerId: c.customerId } },
    select: { id: true, status: true, activeKey: true, updatedAt: true, sentAt: true, failureReason: true },
  });
}

async function chargesOf(c: KillCase): Promise<number> {
  const refs = await attemptsOf(c);
  return db.gwCharge.count({ where: { merchantRef: { in: refs.map((r) => r.id) }, status: "SUCCEEDED", amountCents: { gt: 0 } } });
}

/** When an attempt the bank never saw stops counting as "in flight" (IN_FLIGHT_GRACE_MS after its last change). */
async function payableFrom(c: KillCase): Promise<number> {
  const { IN_FLIGHT_GRACE_MS } = await import("../../lib/attempts/state");
  const open = (await attemptsOf(c)).find((a) => a.activeKey);
  return open ? (open.sentAt ?? open.updatedAt).getTime() + IN_FLIGHT_GRACE_MS + 500 : Date.now();
}

/** The customer (or the payer) tries again on the restarted server; true if the bank was reached. */
async function payAgain(ctx: Ctx, c: KillCase, i: number, untilTheBank: boolean): Promise<string | null> {
  if (c.kind === "invoice") {
    const location = await payInvoice(ctx.base, c, `203.0.113.${40 + i}`);
    if (!untilTheBank || !location?.includes("/gateway/pay/")) return location;
    await fetch(ctx.base + (await payAtBank(location)), { redirect: "manual" });
    return location;
  }
  const { username } = await db.customer.findUniqueOrThrow({ where: { id: c.customerId }, select: { username: true } });
  const jar = await login(ctx.base, username!, "Demo1234!");
  const card = await db.card.findFirstOrThrow({ where: { customerId: c.customerId }, select: { id: true } });
  return payOrder(ctx.base, jar, c.orderId!, card.id);
}

/**
 * A debt whose attempt never reached the bank: right after the restart a new try is refused as
 * "in progress" (the attempt might still be on its way), with nothing charged; once the grace is
 * over the next try closes the old attempt as not sent and pays, once.
 */
async function repayNotSent(ctx: Ctx, c: KillCase, i: number, restartAt: number) {
  const early = await payAgain(ctx, c, i, false);
  const refused = (await chargesOf(c)) === 0 && !(await isPaid(c)) && !early?.includes("/gateway/pay/");
  check(refused, `${label(c)}: a new try right after the restart is refused as in progress, nothing charged (sent to ${early?.replace(/[0-9a-f-]{36}/g, ":id")})`);
  const from = await payableFrom(c);
  await sleep(Math.max(0, from - Date.now()));
  await payAgain(ctx, c, i, true);
  if (await isPaid(c)) c.settledAt = Date.now();
  const closed = (await attemptsOf(c)).filter((a) => a.status === "FAILED" && a.failureReason === "not_sent").length;
  check(!!c.settledAt && closed === 1,
    `${label(c)}: the old attempt closed as not sent, the debt paid ${c.settledAt ? `${secs(c.settledAt - restartAt)} after the restart (${secs(c.settledAt - c.killedAt!)} after the kill; 60 s in-flight grace)` : "— not paid"}`);
}

async function isPaid(c: KillCase): Promise<boolean> {
  if (c.kind === "invoice") return (await db.invoice.count({ where: { id: c.invoiceId, status: "PAID" } })) === 1;
  return (await db.order.count({ where: { id: c.orderId, status: "PAID" } })) === 1;
}

/** A debt the bank was asked about settles on its own: reconciliation, or the bank's queued notification. */
async function waitSettled(c: KillCase, restartAt: number) {
  const deadline = restartAt + 70_000;
  while (!c.settledAt && Date.now() < deadline) {
    if (await isPaid(c)) c.settledAt = Date.now();
    else await sleep(500);
  }
  if (!c.settledAt) check(false, `${label(c)}: settled after the restart (not within 70 s)`);
  else if (c.settledAt <= restartAt) check(true, `${label(c)}: already recorded before the kill, nothing left to settle`);
  else check(c.settledAt - restartAt <= 60_000, `${label(c)}: settled ${secs(c.settledAt - restartAt)} after the restart (≤ 60 s; ${secs(c.settledAt - c.killedAt!)} after the kill)`);
}

/** After the restart (server and workers started at `restartAt`, production cadence). */
export async function settlePhase(ctx: Ctx, restartAt: number) {
  await Promise.all(killCases.map(async (c, i) => {
    if (!c.died) return;
    try {
      await (c.notSent ? repayNotSent(ctx, c, i, restartAt) : waitSettled(c, restartAt));
    } catch (error) {
      check(false, `${label(c)}: after the restart (${String(error)})`);
    }
  }));
}

/** Money and e-mails, once everything settled (call after the e-mails had time to leave). */
export async function finalChecks(delivered: (emailId: string) => number) {
  for (const c of killCases.filter((k) => k.died)) {
    const charges = await chargesOf(c);
    if (c.kind === "invoice") {
      const invoice = await db.invoice.findUniqueOrThrow({ where: { id: c.invoiceId }, select: { status: true } });
      const all = await attemptsOf(c);
      const attempts = tally(all.filter((a) => !a.activeKey && a.status !== "CREATED"));
      const open = all.filter((a) => a.status === "SENT" || a.status === "REQUIRES_ACTION" || a.activeKey).length;
      const receipts = await db.email.findMany({ where: { to: c.receiptEmail, template: "receipt" }, select: { id: true, status: true } });
      check(invoice.status === "PAID" && charges === 1 && open === 0,
        `${label(c)}: invoice Pagata, exactly one charge at the bank (${charges}), no attempt left open (${attempts.map((a) => `${a.status} ${a._count}`).join(", ")})`);
      const sent = receipts.map((r) => delivered(r.id));
      check(receipts.length === 1 && receipts[0].status === "SENT" && sent[0] === 1,
        `${label(c)}: the quietanza e-mailed exactly once (outbox ${receipts.map((r) => r.status).join(",") || "none"}, delivered ${sent.join(",") || 0})`);
    } else {
      const order = await db.order.findUniqueOrThrow({ where: { id: c.orderId }, select: { status: true } });
      const payments = tally(await attemptsOf(c));
      const succeeded = payments.find((p) => p.status === "SUCCEEDED")?._count ?? 0;
      const open = payments.filter((p) => p.status !== "SUCCEEDED" && p.status !== "FAILED").reduce((n, p) => n + p._count, 0);
      const expected = c.notSent ? 2 : 1; // the attempt the bank never saw stays, FAILED
      const rows = payments.reduce((n, p) => n + p._count, 0);
      const confirmations = await db.email.findMany({ where: { to: c.email, template: "payment-confirmed" }, select: { id: true, status: true } });
      check(order.status === "PAID" && charges === 1 && succeeded === 1 && open === 0 && rows === expected,
        `${label(c)}: order Pagato, exactly one charge at the bank (${charges}), attempts ${payments.map((p) => `${p.status} ${p._count}`).join(", ")} (none lost, none open)`);
      const sent = confirmations.map((r) => delivered(r.id));
      check(confirmations.length === 1 && confirmations[0].status === "SENT" && sent[0] === 1,
        `${label(c)}: the payment confirmation e-mailed exactly once (outbox ${confirmations.map((r) => r.status).join(",") || "none"}, delivered ${sent.join(",") || 0})`);
    }
  }
}
