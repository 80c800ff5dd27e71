import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceClock, resetClock, setClock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed";
import { signNotification } from "@/lib/gateway/sandbox/signing";
import { simulateHostedPayment } from "@/lib/gateway/sandbox/simulate";
import { reconcileAttempts, receiveGatewayNotification } from "@/lib/attempts";
import { handleInvoicePaymentReturn } from "./confirm";
import { InvoicePaymentError } from "./errors";
import { prepareInvoicePayment } from "./lookup";
import { PAYER_LEFT_AFTER_MS, startInvoicePayment } from "./start";
import { bankCharges, CARDS, freshIp, payInvoice, sessionOf, stepOne, unpaidInvoice } from "./test-helpers";

const db = getDb();

beforeAll(() => seedDemoData(db));
beforeEach(() => resetClock());

const prepare = async (input: object) => (await prepareInvoicePayment({ input, ip: freshIp() })).invoicePaymentId;

/** One payer's whole journey, tolerating the refusals a race may bring. */
async function racer(input: object) {
  const id = await prepare(input);
  const started = await startInvoicePayment({ invoicePaymentId: id });
  const sessionId = sessionOf(started.redirectUrl);
  if (!sessionId) return;
  const back = await simulateHostedPayment(sessionId, { number: CARDS.ok }).catch(() => null); // ended by a later attempt
  if (back) await handleInvoicePaymentReturn({ invoicePaymentId: id, query: new URL(back, "http://area.test").searchParams });
}

async function runJobAt(ms: number) {
  advanceClock(ms);
  await reconcileAttempts(Date.now() + ms);
}

describe("never two charges for one invoice", () => {
  it("ten payers at once: one charge at the bank, one success, the others refused or ended", async () => {
    const inv = await unpaidInvoice();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => racer(stepOne(inv))));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InvoicePaymentError);
    // Every later attempt ends the earlier one at the bank; if the last of them gave way, one more payer pays.
    if ((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status !== "PAID") await payInvoice(stepOne(inv));
    expect(await bankCharges(inv.id)).toBe(1);
    expect(await db.invoicePayment.count({ where: { invoiceId: inv.id, attempt: { status: "SUCCEEDED" } } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: inv.id, action: "invoice.payment.refund_owed" } })).toBe(0);
  });

  it("summaries prepared in ten tabs, all paid at once: still one charge", async () => {
    const inv = await unpaidInvoice("split");
    // Opened one after the other (at once, more than five lookups of one invoice would be throttled).
    const ids: string[] = [];
    for (let tab = 0; tab < 10; tab++) ids.push(await prepare(stepOne(inv, { amount: "250,00", regime: "SPLIT_PAYMENT" })));
    await Promise.allSettled(
      ids.map(async (id) => {
        const { redirectUrl } = await startInvoicePayment({ invoicePaymentId: id });
        const back = sessionOf(redirectUrl) ? await simulateHostedPayment(sessionOf(redirectUrl)!, { number: CARDS.ok }).catch(() => null) : null;
        if (back) await handleInvoicePaymentReturn({ invoicePaymentId: id, query: new URL(back, "http://area.test").searchParams });
      }),
    );
    expect(await bankCharges(inv.id)).toBeLessThanOrEqual(1);
    const paid = (await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status === "PAID";
    expect(await bankCharges(inv.id)).toBe(paid ? 1 : 0);
    // The tabs left on their summary can't pay any more.
    for (const id of ids) await startInvoicePayment({ invoicePaymentId: id });
    expect(await bankCharges(inv.id)).toBe(paid ? 1 : 0);
  });

  it("a double click on Paga con carta opens one session at the bank", async () => {
    const inv = await unpaidInvoice();
    const id = await prepare(stepOne(inv));
    const [a, b] = await Promise.all([startInvoicePayment({ invoicePaymentId: id }), startInvoicePayment({ invoicePaymentId: id })]);
    const sessions = [a, b].map((r) => sessionOf(r.redirectUrl)).filter(Boolean);
    expect(new Set(sessions).size).toBe(1);
    expect(await db.gwSession.count({ where: { merchantRef: id } })).toBe(1);
  });

  it("a replayed return or notification changes nothing", async () => {
    const inv = await unpaidInvoice();
    const { invoicePaymentId, back } = await payInvoice(stepOne(inv));
    const receipts = () => db.job.count({ where: { type: "receipts.send", payload: { path: ["to"], equals: "pagatore@example.it" }, uniqueKey: { contains: "first" } } });
    const before = { receipts: await receipts(), audit: await db.auditLog.count({ where: { entityId: inv.id } }) };
    expect(await handleInvoicePaymentReturn({ invoicePaymentId, query: back.searchParams })).toEqual({ status: "SUCCEEDED" });
    const p = await db.attempt.findUniqueOrThrow({ where: { id: invoicePaymentId } });
    const body = JSON.stringify({ id: `ntf-${p.gatewayChargeId}`, kind: "charge", ref: p.gatewayChargeId, merchantRef: invoicePaymentId, status: "succeeded" });
    const ts = String(Math.floor(Date.now() / 1000));
    const headers = new Headers({ "x-gateway-timestamp": ts, "x-gateway-signature": signNotification(ts, body) });
    expect(await receiveGatewayNotification(body, headers)).toBe("accepted");
    expect(await receiveGatewayNotification(body, headers)).toBe("duplicate");
    expect({ receipts: await receipts(), audit: await db.auditLog.count({ where: { entityId: inv.id } }) }).toEqual(before);
    expect(await bankCharges(inv.id)).toBe(1);
  });
});

describe("what the bank says decides", () => {
  it("a notification alone settles an attempt whose payer never came back", async () => {
    const inv = await unpaidInvoice();
    const id = await prepare(stepOne(inv));
    const { redirectUrl } = await startInvoicePayment({ invoicePaymentId: id });
    await simulateHostedPayment(sessionOf(redirectUrl)!, { number: CARDS.ok }); // the browser closes here
    const body = JSON.stringify({ id: `ntf-${id}`, kind: "session", ref: sessionOf(redirectUrl), merchantRef: id, status: "succeeded" });
    const ts = String(Math.floor(Date.now() / 1000));
    expect(await receiveGatewayNotification(body, new Headers({ "x-gateway-timestamp": ts, "x-gateway-signature": signNotification(ts, body) }))).toBe("accepted");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("PAID");
  });

  it("charged after Amministrazione changed the balance: the charge is refunded, not kept", async () => {
    const inv = await unpaidInvoice();
    const id = await prepare(stepOne(inv));
    const { redirectUrl } = await startInvoicePayment({ invoicePaymentId: id });
    await db.invoice.update({ where: { id: inv.id }, data: { balanceSeq: { increment: 1 } } });
    const back = await simulateHostedPayment(sessionOf(redirectUrl)!, { number: CARDS.ok });
    expect(await handleInvoicePaymentReturn({ invoicePaymentId: id, query: new URL(back, "http://area.test").searchParams })).toEqual({ status: "FAILED" });
    expect(await db.attempt.findUniqueOrThrow({ where: { id } })).toMatchObject({ failureReason: "refunded_duplicate", refundedCents: 12200, activeKey: null });
    const charge = await db.gwCharge.findFirstOrThrow({ where: { merchantRef: id, status: "SUCCEEDED" } });
    expect(charge.refundedCents).toBe(charge.amountCents);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).status).toBe("UNPAID");
  });

  it("reconciliation ends an attempt left at the bank, and closes stale summaries; the invoice can be paid again", async () => {
    const inv = await unpaidInvoice();
    const left = await prepare(stepOne(inv));
    await startInvoicePayment({ invoicePaymentId: left });
    const stale = await prepare(stepOne(inv));
    await runJobAt(35 * 60_000);
    expect(await db.attempt.findUniqueOrThrow({ where: { id: left } })).toMatchObject({ status: "FAILED", failureReason: "authentication_abandoned", activeKey: null });
    expect(await db.attempt.findUniqueOrThrow({ where: { id: stale } })).toMatchObject({ status: "FAILED", failureReason: "expired" });
    resetClock();
    expect((await payInvoice(stepOne(inv))).view.status).toBe("SUCCEEDED");
  });

  it("a second payer ends the attempt the first one left at the bank, once it was left a few minutes", async () => {
    setClock(new Date());
    const inv = await unpaidInvoice();
    const first = await prepare(stepOne(inv));
    const { redirectUrl } = await startInvoicePayment({ invoicePaymentId: first });
    // Right away the first payer may still be typing the card: the page is not taken from them.
    await expect(payInvoice(stepOne(inv))).rejects.toMatchObject({ code: "in_progress" });
    advanceClock(PAYER_LEFT_AFTER_MS + 1000);
    const second = await payInvoice(stepOne(inv));
    expect(second.view.status).toBe("SUCCEEDED");
    await expect(simulateHostedPayment(sessionOf(redirectUrl)!, { number: CARDS.ok })).rejects.toThrow();
    expect(await db.attempt.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "FAILED" });
    expect(await bankCharges(inv.id)).toBe(1);
  });

  it("an id that is not an attempt is not found", async () => {
    expect(await handleInvoicePaymentReturn({ invoicePaymentId: "nonsense", query: new URLSearchParams() })).toBeNull();
    expect(await handleInvoicePaymentReturn({ invoicePaymentId: "00000000-0000-4000-8000-000000000000", query: new URLSearchParams() })).toBeNull();
    await expect(startInvoicePayment({ invoicePaymentId: "' OR 1=1 --" })).rejects.toMatchObject({ code: "not_found" });
  });
});
