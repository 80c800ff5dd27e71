import "server-only";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { configuredGatewayName } from ".";
import { OTP_CODE } from "./sandbox/behaviour";
import { vaultTestCard } from "./sandbox/charges";
import { answerChallenge } from "./sandbox/hosted";
import { signNotification } from "./sandbox/signing";
import { simulateHostedPayment } from "./sandbox/simulate";
import { stripeClient, stripeSettings } from "./stripe/config";
import { cardOf } from "./stripe/outcome";
import { stripeCustomerFor, stripeKey } from "./stripe/records";
import { testPaymentMethodFor } from "./stripe/test-payment-methods";
import type { CardDetails } from "./types";

/**
 * Test seam, gateway-neutral: plays the customer on whichever bank is configured (the sandbox's
 * pages, or Checkout and 3-D Secure on the fake Stripe API of tests/fake-stripe), saves test cards
 * and hands out the bank's own signed notifications. Integration tests written with these run on
 * both banks: `TEST_GATEWAY=stripe npx vitest run …` (tests/setup-gateway.ts). Never used by the product.
 */
export type Bank = "sandbox" | "stripe";
export type TestCustomer = { number: string; otp?: string; holder?: string; expiry?: string };

const bankOf = (bank?: Bank): Bank => bank ?? (configuredGatewayName() as Bank);

/**
 * The customer at the bank, from the `redirectUrl` the area sent them to, until they come back:
 * returns the URL of the area they land on (the return page, with the bank's query), or the
 * 3-D Secure page when the bank asks for it and no `otp` is given. A declined card on Stripe's
 * Checkout stays on its page: this customer then gives up and follows its back link
 * (`GatewaySignal.abandoned`), as the sandbox's page sends everyone back.
 */
export async function payAtBank(redirectUrl: string, customer: TestCustomer, bank?: Bank): Promise<string> {
  if (bankOf(bank) === "sandbox") {
    const pay = /\/gateway\/pay\/([0-9a-f-]{36})$/.exec(redirectUrl);
    if (pay) return simulateHostedPayment(pay[1], customer);
    const challenge = /\/gateway\/challenge\/([0-9a-f-]{36})$/.exec(redirectUrl);
    if (!challenge) throw new Error(`Not a page of the sandbox bank: ${redirectUrl}`);
    return customer.otp === undefined ? redirectUrl : answerChallenge(challenge[1], customer.otp);
  }
  return payOnFakeStripe(redirectUrl, customer);
}

type Step = { next: string; outcome: "complete" | "declined" | "challenge" | "closed" | "invalid_card" };

async function fakeStripe<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, stripeApiBase()), body === undefined ? undefined : { method: "POST", body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`fake Stripe answered ${response.status} to ${path}`);
  return (await response.json()) as T;
}

function stripeApiBase(): string {
  const base = process.env.STRIPE_API_BASE?.trim();
  if (!base) throw new Error("The test seam plays the customer on the fake Stripe API only (STRIPE_API_BASE, see tests/setup-gateway.ts)");
  return base;
}

async function payOnFakeStripe(redirectUrl: string, customer: TestCustomer): Promise<string> {
  const url = new URL(redirectUrl);
  const checkout = /^\/c\/pay\/(cs_\w+)$/.exec(url.pathname);
  const challenge = /^\/_fake\/3ds\/((?:pi|seti)_\w+)$/.exec(url.pathname);
  let step: Step;
  let sessionId = checkout?.[1] ?? null;
  if (checkout) {
    const [month, year] = (customer.expiry ?? "12/34").split("/").map(Number);
    step = await fakeStripe<Step>(`/_fake/checkout/${checkout[1]}/pay`, { number: customer.number, holder: customer.holder ?? "Mario Rossi", expMonth: month, expYear: 2000 + year });
  } else if (challenge) {
    step = { next: redirectUrl, outcome: "challenge" };
  } else {
    throw new Error(`Not a page of the fake Stripe: ${redirectUrl}`);
  }
  if (step.outcome === "challenge") {
    if (customer.otp === undefined) return step.next;
    const intentId = new URL(step.next).pathname.split("/").pop()!;
    step = await fakeStripe<Step>(`/_fake/authenticate/${intentId}`, { result: customer.otp === OTP_CODE ? "complete" : "fail" });
    sessionId ??= /\/c\/pay\/(cs_\w+)$/.exec(step.next)?.[1] ?? null;
  }
  // Still on Checkout's page after a decline: the customer leaves through its back link.
  if (sessionId && new URL(step.next).pathname === `/c/pay/${sessionId}`) return (await cancelUrlOf(sessionId)) ?? step.next;
  return step.next;
}

async function cancelUrlOf(sessionId: string): Promise<string | null> {
  const session = await stripeClient(stripeSettings()).checkout.sessions.retrieve(sessionId);
  return session.cancel_url;
}

/**
 * A test card already saved for a customer of the area, as if entered on the bank's page before
 * (demo data, fixtures, tests of renewals). On Stripe: the test PaymentMethod Stripe documents for
 * that number (pm_card_visa, pm_card_authenticationRequired, …) attached to the customer's Stripe
 * Customer; its expiry and holder are then updated.
 */
export async function saveTestCard(input: { merchantCustomerRef: string; number: string; holder: string; expMonth: number; expYear: number }, tx?: Tx, bank?: Bank): Promise<CardDetails & { token: string }> {
  if (bankOf(bank) === "sandbox") return vaultTestCard(input, tx);
  const testPm = testPaymentMethodFor(input.number);
  if (!testPm) throw new Error(`Stripe documents no test PaymentMethod for ${input.number.slice(-4)}`);
  const stripe = stripeClient(stripeSettings());
  const customer = await stripeCustomerFor(stripe, input.merchantCustomerRef, tx);
  const attached = await stripe.paymentMethods.attach(testPm, { customer }, { idempotencyKey: stripeKey("attach", `${input.merchantCustomerRef}:${testPm}:${now().getTime()}`) });
  const pm = await stripe.paymentMethods.update(attached.id, { billing_details: { name: input.holder }, card: { exp_month: input.expMonth, exp_year: input.expYear } });
  const card = cardOf(pm);
  return { ...card, token: card.token! };
}

export type SignedNotification = { body: string; headers: Headers };

/**
 * The notifications the bank sent (sandbox: queued `gateway.notify` jobs; Stripe: webhooks of
 * events whose object carries the attempt's id), each signed now, or `signedSecondsAgo` ago.
 */
export async function bankNotifications(merchantRef: string, opts: { signedSecondsAgo?: number; bank?: Bank } = {}): Promise<SignedNotification[]> {
  const age = opts.signedSecondsAgo ?? 0;
  if (bankOf(opts.bank) === "sandbox") {
    const jobs = await db.job.findMany({ where: { type: "gateway.notify" }, orderBy: { createdAt: "asc" } });
    return jobs
      .map((job) => job.payload as { id: string; kind: string; ref: string; merchantRef: string; status: string })
      .filter((p) => p.merchantRef === merchantRef)
      .map((p) => {
        const body = JSON.stringify({ id: p.id, kind: p.kind, ref: p.ref, merchantRef: p.merchantRef, status: p.status });
        const timestamp = String(Math.floor(now().getTime() / 1000) - age);
        return { body, headers: new Headers({ "content-type": "application/json", "x-gateway-timestamp": timestamp, "x-gateway-signature": signNotification(timestamp, body) }) };
      });
  }
  const signed = await fakeStripe<{ body: string; signature: string }[]>(`/_fake/webhooks?merchantRef=${encodeURIComponent(merchantRef)}&signedSecondsAgo=${age}`);
  return signed.map(({ body, signature }) => ({ body, headers: new Headers({ "content-type": "application/json", "stripe-signature": signature }) }));
}

export type BankCharge = { chargeId: string; merchantRef: string; status: "succeeded" | "failed" | "open"; amountCents: number; refundedCents: number; initiator: "CIT" | "MIT" | "VERIFY" };

/**
 * What the bank did for these attempts (the area's merchantRefs): every charge it made or tried,
 * for tests that count charges ("one charge per order") instead of reading a bank's own tables.
 */
export async function bankCharges(merchantRefs: string[], bank?: Bank): Promise<BankCharge[]> {
  if (bankOf(bank) === "sandbox") {
    const rows = await db.gwCharge.findMany({ where: { merchantRef: { in: merchantRefs } }, orderBy: { createdAt: "asc" } });
    return rows.map((c) => ({
      chargeId: c.id, merchantRef: c.merchantRef, status: c.status === "SUCCEEDED" ? "succeeded" : c.status === "FAILED" ? "failed" : "open",
      amountCents: c.status === "SUCCEEDED" ? c.amountCents : 0, refundedCents: c.refundedCents, initiator: c.initiator as BankCharge["initiator"],
    }));
  }
  type Intent = { id: string; object: string; status: string; metadata: Record<string, string> | null; amount: number; refunded: number };
  const intents = await fakeStripe<Intent[]>("/_fake/intents");
  return intents
    .filter((i) => i.metadata?.merchantRef && merchantRefs.includes(i.metadata.merchantRef))
    .map((i) => ({
      chargeId: i.id, merchantRef: i.metadata!.merchantRef,
      status: i.status === "succeeded" ? "succeeded" : i.status === "requires_payment_method" || i.status === "canceled" ? "failed" : "open",
      amountCents: i.amount, refundedCents: i.refunded,
      initiator: i.object === "setup_intent" ? "VERIFY" : i.metadata!.initiator === "MIT" ? "MIT" : "CIT",
    }));
}
