import "server-only";
import { renderPdf, writeFields, type Pdf } from "@/lib/pdf/document";
import { formatMoney } from "@/lib/money";
import type { InvoiceForPdf } from "./queries";

// An invoice is a fiscal document: it is printed in Italian whatever the customer's language.
export const SPLIT_PAYMENT_NOTE = "Scissione dei pagamenti – art. 17-ter DPR 633/1972";

const day = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", dateStyle: "long" });
const statusLabel = { UNPAID: "Da pagare", PARTIALLY_PAID: "Parzialmente pagata", PAID: "Pagata", REFUND_PENDING: "Rimborso in corso" } as const;
const percent = (bps: number) => `${(bps / 100).toLocaleString("it-IT")}%`;

/** Columns of the lines table: x, width, alignment. */
const columns = [
  { x: 50, width: 190, align: "left" },
  { x: 245, width: 35, align: "right" },
  { x: 285, width: 75, align: "right" },
  { x: 365, width: 90, align: "right" },
  { x: 460, width: 85, align: "right" },
] as const;

function row(doc: Pdf, cells: string[], bold = false) {
  const y = doc.y;
  let bottom = y;
  doc.font(bold ? "Helvetica-Bold" : "Helvetica");
  cells.forEach((cell, i) => {
    doc.text(cell, columns[i].x, y, { width: columns[i].width, align: columns[i].align });
    bottom = Math.max(bottom, doc.y);
  });
  doc.y = bottom + 4;
  doc.x = 50;
}

export function renderInvoicePdf(invoice: InvoiceForPdf): Promise<Buffer> {
  const { customer } = invoice;
  return renderPdf({ title: `Fattura ${invoice.number}` }, (doc) => {
    writeFields(doc, [
      ["Numero", invoice.number],
      ["Data di emissione", day.format(invoice.issuedAt)],
      ...(invoice.dueAt ? [["Scadenza", day.format(invoice.dueAt)] as const] : []),
      ["Cliente", customer.displayName],
      ["Codice cliente", customer.customerCode],
      ...(customer.fiscalCode ? [["Codice fiscale", customer.fiscalCode] as const] : []),
      ...(customer.vatNumber ? [["Partita IVA", customer.vatNumber] as const] : []),
      ["Regime IVA", invoice.splitPayment ? SPLIT_PAYMENT_NOTE : "Ordinario"],
      ["Stato", invoice.status === "PAID" && invoice.paidAt ? `${statusLabel.PAID} il ${day.format(invoice.paidAt)}` : statusLabel[invoice.status]],
    ]);
    doc.moveDown(1);
    row(doc, ["Descrizione", "Q.tà", "Imponibile", "IVA", "Totale"], true);
    doc.moveTo(50, doc.y - 2).lineTo(545, doc.y - 2).stroke();
    for (const line of invoice.lines) {
      row(doc, [line.description, String(line.quantity), formatMoney(line.netCents), `${percent(line.vatRateBps)} ${formatMoney(line.vatCents)}`, formatMoney(line.totalCents)]);
    }
    doc.moveDown(1);
    const rates = [...new Set(invoice.lines.map((l) => l.vatRateBps))];
    writeFields(doc, [
      ["Imponibile", formatMoney(invoice.netCents)],
      [rates.length === 1 ? `IVA ${percent(rates[0])}` : "IVA", formatMoney(invoice.vatCents)],
      ["Totale fattura", formatMoney(invoice.totalCents)],
    ]);
    if (invoice.splitPayment) {
      doc.moveDown(1).font("Helvetica-Bold").text(SPLIT_PAYMENT_NOTE).font("Helvetica");
      doc.text(`L'IVA di ${formatMoney(invoice.vatCents)} è versata all'Erario dall'ente committente. Importo da pagare: ${formatMoney(invoice.netCents)}.`);
    }
    // A balance opened by Amministrazione (e.g. the VAT after split payment chosen by mistake).
    if (invoice.status === "PARTIALLY_PAID" && invoice.balanceCents > 0) doc.moveDown(1).text(`Saldo ancora da pagare: ${formatMoney(invoice.balanceCents)}.`);
  });
}
