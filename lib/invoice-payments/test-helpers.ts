// Helpers for the integration tests of Paga fattura (not used by the application).
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { simulateHostedPayment } from "@/lib/gateway/sandbox/simulate";
import { handleInvoicePaymentReturn } from "./confirm";
import { prepareInvoicePayment } from "./lookup";
import { startInvoicePayment } from "./start";

export const CARDS = { ok: "4242424242424242", declined: "4000000000000002", threeDs: "4000002760003184" } as const;

let addresses = 0;
/** A client address of its own, so that one test's lookups never meet another's rate limits. */
export const freshIp = () => `198.51.${Math.floor(++addresses / 250)}.${addresses % 250}`;

/** A customer of the test's own with its unpaid invoice (122,00 € ordinary, or 250,00 + 55,00 € split payment). */
export async function unpaidInvoice(kind: "ordinary" | "split" = "ordinary") {
  const c = await createTestCustomer({ kind: kind === "split" ? "public-body" : "no-card", invoices: true });
  const invoice = c.invoices.find((i) => i.status === "UNPAID")!;
  return { ...invoice, customerCode: c.customerCode, customerId: c.customerId };
}

export function stepOne(invoice: { number: string; customerCode: string }, values: Partial<Record<string, string>> = {}) {
  return {
    invoiceNumber: invoice.number, customerCode: invoice.customerCode, amount: "122,00", regime: "ORDINARY",
    payerName: "Mario Rossi", payerTaxId: "RSSMRA80A01H501U", receiptEmail: "pagatore@example.it", ...values,
  };
}

export const sessionOf = (redirectUrl: string | undefined) => /^\/gateway\/pay\/([0-9a-f-]{36})$/.exec(redirectUrl ?? "")?.[1] ?? null;

/** The payer's whole journey: step one, "Paga con carta", the bank's page, back to the area. */
export async function payInvoice(input: object, card: string = CARDS.ok, otp?: string) {
  const { invoicePaymentId } = await prepareInvoicePayment({ input, ip: freshIp() });
  const started = await startInvoicePayment({ invoicePaymentId });
  const sessionId = sessionOf(started.redirectUrl);
  if (!sessionId) throw new Error(`no bank page for ${invoicePaymentId}`);
  const back = new URL(await simulateHostedPayment(sessionId, { number: card, otp }), "http://area.test");
  const view = await handleInvoicePaymentReturn({ invoicePaymentId, query: back.searchParams });
  if (!view) throw new Error(`return of ${invoicePaymentId} not recognised`);
  return { invoicePaymentId, view, back };
}

/** Charges the bank made (succeeded, refunded or not) for the attempts on one invoice. */
export async function bankCharges(invoiceId: string) {
  const db = getDb();
  const ids = (await db.invoicePayment.findMany({ where: { invoiceId }, select: { id: true } })).map((p) => p.id);
  return db.gwCharge.count({ where: { merchantRef: { in: ids }, status: "SUCCEEDED" } });
}
