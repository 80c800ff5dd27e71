import "server-only";
import { cache } from "react";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";

/**
 * Invoices belong to the customer's account, not to one mailbox: a login with a PEC mailbox's
 * password sees none of them (its pages send it back, see app/(area)/fatture), and these queries
 * refuse it too, so a forgotten check in a page can't leak them.
 */
function accountOf(viewer: Viewer): string | null {
  return viewer.pecServiceId ? null : viewer.customerId;
}

/** The customer's invoices, newest first. */
export async function listInvoices(viewer: Viewer) {
  const customerId = accountOf(viewer);
  if (!customerId) return [];
  return db.invoice.findMany({
    where: { customerId },
    select: { id: true, number: true, issuedAt: true, dueAt: true, netCents: true, totalCents: true, splitPayment: true, status: true },
    orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
  });
}

export type InvoiceRow = Awaited<ReturnType<typeof listInvoices>>[number];

/** One invoice with its lines and the payments made on Paga fattura, or null when it isn't the viewer's. Cached per request: the title asks too. */
export const getInvoiceDetail = cache(async (viewer: Viewer, invoiceId: string) => {
  const customerId = accountOf(viewer);
  if (!customerId || !isUuid(invoiceId)) return null;
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, customerId },
    select: {
      id: true, number: true, issuedAt: true, dueAt: true, paidAt: true, netCents: true, vatCents: true, totalCents: true,
      splitPayment: true, status: true, balanceCents: true,
      order: { select: { id: true, number: true } },
      lines: { select: { id: true, description: true, quantity: true, unitNetCents: true, netCents: true, vatRateBps: true, vatCents: true, totalCents: true }, orderBy: { position: "asc" } },
      payments: {
        where: { attempt: { status: "SUCCEEDED" } },
        select: {
          id: true, regime: true, receipt: { select: { id: true, number: true } },
          attempt: { select: { settledAt: true, amountCents: true, cardBrand: true, cardLast4: true, refundedCents: true, refundedAt: true, refundOwedAt: true } },
        },
        orderBy: { attempt: { settledAt: "asc" } },
      },
    },
  });
  if (!invoice) return null;
  return {
    ...invoice,
    payments: invoice.payments.map(({ attempt, ...p }) => ({
      ...p, ...attempt, refund: attempt.refundedAt ? ("done" as const) : attempt.refundOwedAt ? ("owed" as const) : null,
    })),
  };
});

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoiceDetail>>>;

/** What the PDF prints: the invoice, its lines and the customer's identifying data. */
export async function getInvoiceForPdf(viewer: Viewer, invoiceId: string) {
  const customerId = accountOf(viewer);
  if (!customerId || !isUuid(invoiceId)) return null;
  return db.invoice.findFirst({
    where: { id: invoiceId, customerId },
    select: {
      number: true, issuedAt: true, dueAt: true, paidAt: true, netCents: true, vatCents: true, totalCents: true, splitPayment: true, status: true, balanceCents: true,
      customer: { select: { displayName: true, customerCode: true, fiscalCode: true, vatNumber: true } },
      lines: { select: { description: true, quantity: true, unitNetCents: true, netCents: true, vatRateBps: true, vatCents: true, totalCents: true }, orderBy: { position: "asc" } },
    },
  });
}

export type InvoiceForPdf = NonNullable<Awaited<ReturnType<typeof getInvoiceForPdf>>>;
