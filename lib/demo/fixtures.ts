import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/passwords";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { nextYearlyNumber } from "@/lib/db/numbering";
import { bankCharges } from "@/lib/gateway/testing";
import { createInvoice } from "@/lib/invoices/create";
import { withVat } from "@/lib/money";
import { catalogue } from "./catalogue";
import { saveSandboxCard } from "./sandbox-cards";
import { DEMO_PASSWORD } from "./seed";
import { randomElevenDigits, randomFiscalCode } from "./tax-ids";

const DAY = 24 * 60 * 60 * 1000;
const testCards = { "4242": "4242424242424242", "3184": "4000002760003184", "0341": "4000000000000341" } as const;

/**
 * What kind of customer a test needs: shaped like mario.rossi (SPID with automatic renewal on),
 * with or without a saved renewal card, or like anna.bianchi (a public body, nothing renewing).
 */
export const testCustomerInput = z.object({
  kind: z.enum(["no-card", "saved-card", "public-body"]).default("no-card"),
  card: z.enum(["4242", "3184", "0341"]).default("4242"),
  /** A second order awaiting payment: a Marca Temporale purchase, like mario.rossi's. */
  extraOrder: z.boolean().default(false),
  /** An ACTIVE Docfly Conservazione without automatic renewal, priced above the SPID ceiling. */
  conservazione: z.boolean().default(false),
  /** When the SPID (automatic renewal on) expires, in days from now: 5 puts it in the renewal engine's window. */
  spidExpiresInDays: z.number().int().min(1).max(400).default(265),
  /**
   * An unpaid invoice (100,00 € + VAT = 122,00 €; for a public body split payment, 250,00 € +
   * 55,00 € = 305,00 €) and a paid one, like the demo accounts'.
   */
  invoices: z.boolean().default(false),
});

const price = (code: string) => catalogue.find((p) => p.code === code)!.yearlyPriceCents;

/**
 * A fresh customer with a PEC expiring in 20 days and its renewal order awaiting payment, so that
 * an e2e test can change things without disturbing the demo accounts or other tests.
 */
export async function createTestCustomer(input: z.input<typeof testCustomerInput> = {}) {
  const { kind, card, extraOrder, conservazione, spidExpiresInDays, invoices } = testCustomerInput.parse(input);
  const tag = randomBytes(5).toString("hex");
  const username = `qa.${tag}`;
  const pecAddress = `qa.${tag}@pec-demo.it`;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = now();
  // A person has a 16-character codice fiscale; a public body a numeric one and a partita IVA.
  const taxIds = kind === "public-body" ? { fiscalCode: randomElevenDigits("8"), vatNumber: randomElevenDigits("0") } : { fiscalCode: randomFiscalCode(), vatNumber: null };
  const spid = { productCode: "SPID" as const, name: `SPID ${tag}`, activatedAt: new Date(at.getTime() - 100 * DAY), expiresAt: new Date(at.getTime() + spidExpiresInDays * DAY), autoRenewal: true, renewalPriceCents: price("SPID") };

  return db.$transaction(async (tx) => {
    const customer = await tx.customer.create({
      data: {
        username, passwordHash, customerCode: `Q${tag.toUpperCase()}`, displayName: `Cliente QA ${tag}`, ...taxIds, email: `${username}@example.it`,
        publicBody: kind === "public-body",
        services: {
          create: [
            { productCode: "PEC", name: pecAddress, activatedAt: new Date(at.getTime() - 345 * DAY), expiresAt: new Date(at.getTime() + 20 * DAY), renewalPriceCents: price("PEC"), pecMailbox: { create: { address: pecAddress, passwordHash } } },
            ...(kind === "public-body" ? [] : [spid]),
            ...(conservazione ? [{ productCode: "CONSERVAZIONE" as const, name: `Conservazione ${tag}`, activatedAt: new Date(at.getTime() - 30 * DAY), expiresAt: new Date(at.getTime() + 335 * DAY), renewalPriceCents: price("CONSERVAZIONE") }] : []),
          ],
        },
      },
      select: { id: true, email: true, services: { select: { id: true, productCode: true } } },
    });
    if (kind === "saved-card") {
      const saved = await saveSandboxCard(tx, { customerId: customer.id, number: testCards[card], holder: `Cliente QA ${tag}`, expMonth: 12, expYear: at.getUTCFullYear() + 3 });
      await tx.customer.update({ where: { id: customer.id }, data: { renewalCardId: saved.id } });
      await tx.ceilingConsent.create({ data: { customerId: customer.id, cardId: saved.id, amountCents: withVat(price("SPID")).totalCents } });
    }
    const pecService = customer.services.find((s) => s.productCode === "PEC")!;
    const amounts = withVat(price("PEC"));
    const order = await tx.order.create({
      data: {
        number: `ORD-QA-${tag.toUpperCase()}`, customerId: customer.id, serviceId: pecService.id, kind: "RENEWAL", ...amounts,
        items: { create: [{ productCode: "PEC", description: `Rinnovo PEC ${pecAddress} – 1 anno`, ...amounts }] },
      },
      select: { id: true, number: true },
    });
    let secondOrder: { id: string; number: string } | undefined;
    if (extraOrder) {
      const marca = withVat(price("MARCA_TEMPORALE"));
      const service = await tx.service.create({ data: { customerId: customer.id, productCode: "MARCA_TEMPORALE", name: `Marca Temporale ${tag}`, status: "PENDING", renewalPriceCents: price("MARCA_TEMPORALE") }, select: { id: true } });
      secondOrder = await tx.order.create({
        data: { number: `ORD-QA-${tag.toUpperCase()}-2`, customerId: customer.id, serviceId: service.id, kind: "PURCHASE", ...marca, items: { create: [{ productCode: "MARCA_TEMPORALE", description: "Marca Temporale – 100 marche", ...marca }] } },
        select: { id: true, number: true },
      });
    }
    const issued = invoices ? await createTestInvoices(tx, customer.id, kind === "public-body") : [];
    return { customerId: customer.id, customerCode: `Q${tag.toUpperCase()}`, ...taxIds, username, pecAddress, password: DEMO_PASSWORD, email: customer.email, pecServiceId: pecService.id, order, secondOrder, invoices: issued };
  });
}

/** The unpaid invoice first, then the paid one (numbers in that order too). */
async function createTestInvoices(tx: Tx, customerId: string, splitPayment: boolean) {
  const at = now();
  const unpaid = await createInvoice(tx, {
    number: await nextYearlyNumber(tx, "Invoice"), customerId, splitPayment, issuedAt: new Date(at.getTime() - 5 * DAY), dueAt: new Date(at.getTime() + 25 * DAY),
    lines: [{ description: splitPayment ? "Conservazione digitale a norma – canone annuo" : "Servizi di certificazione digitale – canone annuo", unitNetCents: splitPayment ? 25000 : 10000 }],
  });
  const paid = await createInvoice(tx, {
    number: await nextYearlyNumber(tx, "Invoice"), customerId, splitPayment, status: "PAID", issuedAt: new Date(at.getTime() - 60 * DAY), paidAt: new Date(at.getTime() - 55 * DAY),
    lines: [{ description: "SPID – attivazione e primo anno", unitNetCents: price("SPID") }],
  });
  return [unpaid, paid];
}

/** For assertions about money: how many attempts of a customer succeeded, and the bank's charges. */
export async function paymentCounts(customerId: string) {
  const mine = (status: "SUCCEEDED" | "FAILED") => db.payment.count({ where: { customerId, attempt: { status } } });
  const [succeeded, failed, paidOrders] = await Promise.all([mine("SUCCEEDED"), mine("FAILED"), db.order.count({ where: { customerId, status: "PAID" } })]);
  const refs = await db.payment.findMany({ where: { customerId }, select: { id: true } });
  // Asked of whichever bank is configured (lib/gateway/testing.ts), not of the sandbox's tables.
  const charges = (await bankCharges(refs.map((r) => r.id))).filter((c) => c.status === "succeeded" && c.amountCents > 0);
  return { succeeded, failed, paidOrders, bankCharges: charges.length, refundedCharges: charges.filter((c) => c.refundedCents === c.amountCents).length };
}
