import "server-only";
import { db } from "@/lib/db";
import { uuidInput } from "@/lib/staff/schemas";
import { paymentActions, type PaymentFacts } from "./rules";

const paymentSelect = {
  id: true, regime: true, balanceSeq: true, payerName: true, payerTaxId: true, receiptEmail: true, settlement: true,
  receipt: { select: { number: true, generatedAt: true } },
  attempt: {
    select: {
      status: true, amountCents: true, cardBrand: true, cardLast4: true, gatewayChargeId: true, failureReason: true, createdAt: true, settledAt: true,
      refundOwedAt: true, refundedAt: true, refundedCents: true, refundTries: true, refundError: true, refundNextAt: true,
    },
  },
} as const;

type PaymentRow = { regime: PaymentFacts["regime"]; balanceSeq: number; settlement: string | null; attempt: { status: PaymentFacts["status"]; refundOwedAt: Date | null; refundedAt: Date | null } };

const factsOf = (p: PaymentRow): PaymentFacts => ({
  status: p.attempt.status, regime: p.regime, balanceSeq: p.balanceSeq, refundOwed: !!p.attempt.refundOwedAt, refunded: !!p.attempt.refundedAt, settlement: p.settlement,
});

/**
 * Pagamenti: invoices by number (FT-…) or by customer code, newest first. Both are matched whole
 * (case aside): the back office looks a case up, it does not browse.
 */
export async function findInvoicesForStaff(query: string) {
  const q = query.trim();
  return db.invoice.findMany({
    where: { OR: [{ number: { equals: q, mode: "insensitive" } }, { customer: { customerCode: { equals: q, mode: "insensitive" } } }] },
    orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
    take: 50,
    select: {
      id: true, number: true, issuedAt: true, status: true, splitPayment: true, totalCents: true,
      customer: { select: { customerCode: true, displayName: true } },
      _count: { select: { payments: { where: { attempt: { status: "SUCCEEDED" } } } } },
    },
  });
}

/** One invoice with every payment attempt, what the back office may do with each, and its history. */
export async function getInvoiceForStaff(invoiceId: string) {
  if (!uuidInput.safeParse(invoiceId).success) return null;
  const invoice = await db.invoice.findUnique({
    where: { id: invoiceId },
    select: {
      id: true, number: true, issuedAt: true, dueAt: true, status: true, splitPayment: true, netCents: true, vatCents: true, totalCents: true,
      balanceCents: true, balanceSeq: true, paidAt: true,
      customer: { select: { customerCode: true, displayName: true, email: true } },
      payments: { orderBy: { attempt: { createdAt: "desc" } }, select: paymentSelect },
    },
  });
  if (!invoice) return null;
  const resends = await db.auditLog.groupBy({
    by: ["entityId"],
    where: { entity: "InvoicePayment", entityId: { in: invoice.payments.map((p) => p.id) }, action: "receipt.resent" },
    _count: true,
  });
  return {
    ...invoice,
    payments: invoice.payments.map(({ attempt, ...p }) => ({
      ...p,
      ...attempt,
      actions: paymentActions(invoice, factsOf({ ...p, attempt })),
      refundPending: !!attempt.refundOwedAt && !attempt.refundedAt,
      resentCount: resends.find((r) => r.entityId === p.id)?._count ?? 0,
    })),
  };
}

export type StaffInvoice = NonNullable<Awaited<ReturnType<typeof getInvoiceForStaff>>>;

/**
 * Payments made in the wrong VAT regime that Amministrazione has not settled yet (the FAQ's
 * "Split Payment per errore"), oldest first: found here, not by stumbling on the invoice.
 */
export async function findRegimeMistakesToSettle() {
  const rows = await db.invoicePayment.findMany({
    where: {
      settlement: null,
      attempt: { status: "SUCCEEDED", refundOwedAt: null },
      OR: [{ regime: "SPLIT_PAYMENT", invoice: { splitPayment: false } }, { regime: "ORDINARY", invoice: { splitPayment: true } }],
    },
    orderBy: { attempt: { settledAt: "asc" } },
    take: 100,
    select: { ...paymentSelect, invoice: { select: { id: true, number: true, status: true, splitPayment: true, balanceSeq: true, vatCents: true, customer: { select: { customerCode: true } } } } },
  });
  return rows
    .filter((p) => paymentActions(p.invoice, factsOf(p)).refund)
    .map(({ attempt, ...p }) => ({ ...p, amountCents: attempt.amountCents, settledAt: attempt.settledAt }));
}

/**
 * Refunds owed that the bank has refused at least once (an orphan charge of an order or an
 * invoice, or one Amministrazione decided): still retried on a slow schedule, never abandoned,
 * shown here until they are done.
 */
export async function listStuckRefunds() {
  const rows = await db.attempt.findMany({
    where: { refundOwedAt: { not: null }, refundedAt: null, refundTries: { gt: 0 } },
    orderBy: { refundOwedAt: "asc" },
    take: 100,
    select: {
      id: true, purpose: true, amountCents: true, chargedCents: true, refundOwedAt: true, refundTries: true, refundError: true, refundNextAt: true, refundReason: true,
      orderPayment: { select: { order: { select: { number: true } } } },
      invoicePayment: { select: { invoice: { select: { id: true, number: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id, purpose: r.purpose, cents: r.chargedCents ?? r.amountCents, since: r.refundOwedAt!, tries: r.refundTries, lastError: r.refundError, nextAt: r.refundNextAt, reason: r.refundReason,
    reference: r.invoicePayment?.invoice.number ?? r.orderPayment?.order.number ?? "—",
    invoiceId: r.invoicePayment?.invoice.id ?? null,
  }));
}
