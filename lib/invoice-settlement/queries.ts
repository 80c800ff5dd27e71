import "server-only";
import { db } from "@/lib/db";
import { uuidInput } from "@/lib/staff/schemas";
import { paymentActions } from "./rules";

const SETTLEMENT_ACTIONS = ["invoice.vat_balance_opened", "invoice.refund_requested", "invoice.refunded", "receipt.resent"];

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
      _count: { select: { payments: { where: { status: "SUCCEEDED" } } } },
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
      payments: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true, status: true, regime: true, balanceSeq: true, amountCents: true, payerName: true, payerTaxId: true, receiptEmail: true,
          cardBrand: true, cardLast4: true, gatewayChargeId: true, failureReason: true, refundedCents: true, refundedAt: true, createdAt: true, settledAt: true,
          receipt: { select: { number: true, generatedAt: true } },
        },
      },
    },
  });
  if (!invoice) return null;
  const history = await db.auditLog.findMany({
    where: { entity: "InvoicePayment", entityId: { in: invoice.payments.map((p) => p.id) }, action: { in: SETTLEMENT_ACTIONS } },
    orderBy: { at: "asc" },
    select: { entityId: true, action: true, at: true },
  });
  return {
    ...invoice,
    payments: invoice.payments.map((p) => {
      const events = history.filter((h) => h.entityId === p.id);
      const refundRequested = events.some((e) => e.action === "invoice.refund_requested");
      return {
        ...p,
        actions: paymentActions(invoice, p),
        vatBalanceOpened: events.some((e) => e.action === "invoice.vat_balance_opened"),
        refundPending: refundRequested && !p.refundedAt,
        resentCount: events.filter((e) => e.action === "receipt.resent").length,
      };
    }),
  };
}

export type StaffInvoice = NonNullable<Awaited<ReturnType<typeof getInvoiceForStaff>>>;
