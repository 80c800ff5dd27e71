import type { PrismaClient } from "@/lib/db/generated/client";
import type { InvoiceStatus } from "@/lib/db/generated/enums";
import { VAT_RATE_BPS, withVat } from "@/lib/money";

// Not server-only on purpose: the demo seed (run by scripts and tests) writes invoices with it too.
type InvoiceWriter = Pick<PrismaClient, "invoice">;

export type InvoiceLineInput = { description: string; unitNetCents: number; quantity?: number };

export type NewInvoice = {
  number: string;
  customerId: string;
  issuedAt: Date;
  dueAt?: Date | null;
  splitPayment?: boolean;
  status?: InvoiceStatus;
  paidAt?: Date | null;
  orderId?: string | null;
  lines: InvoiceLineInput[];
};

/** The lines with their amounts (VAT 22% per line, rounded per line) and the invoice's totals. */
export function priceLines(lines: InvoiceLineInput[]) {
  const priced = lines.map((line, index) => {
    const quantity = line.quantity ?? 1;
    return { position: index + 1, description: line.description, quantity, unitNetCents: line.unitNetCents, vatRateBps: VAT_RATE_BPS, ...withVat(line.unitNetCents * quantity) };
  });
  const sum = (key: "netCents" | "vatCents" | "totalCents") => priced.reduce((total, line) => total + line[key], 0);
  return { lines: priced, netCents: sum("netCents"), vatCents: sum("vatCents"), totalCents: sum("totalCents") };
}

const invoiceSummary = { id: true, number: true, status: true, splitPayment: true, netCents: true, vatCents: true, totalCents: true } as const;

/** Writes an invoice with its lines; the number comes from the caller (nextYearlyNumber or a fixed demo number). */
export function createInvoice(db: InvoiceWriter, input: NewInvoice) {
  const { lines, ...totals } = priceLines(input.lines);
  return db.invoice.create({
    data: {
      number: input.number, customerId: input.customerId, issuedAt: input.issuedAt, dueAt: input.dueAt ?? null,
      splitPayment: input.splitPayment ?? false, status: input.status ?? "UNPAID", paidAt: input.paidAt ?? null, orderId: input.orderId ?? null,
      ...totals, lines: { create: lines },
    },
    select: invoiceSummary,
  });
}
