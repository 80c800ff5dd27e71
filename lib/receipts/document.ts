import type { VatRegime } from "@/lib/db/generated/enums";
import { TIME_ZONE } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/money";
import { renderPdf, writeFields } from "@/lib/pdf/document";

/** What a quietanza states: everything comes from the invoice payment as the bank confirmed it. */
export type ReceiptDocument = {
  number: string;
  paidAt: Date;
  payerName: string;
  payerTaxId: string;
  invoiceNumber: string;
  invoiceIssuedAt: Date;
  customerCode: string;
  amountCents: number;
  invoiceTotalCents: number;
  invoiceVatCents: number;
  regime: VatRegime;
  cardBrand: string | null;
  cardLast4: string | null;
  transactionId: string;
  generatedAt: Date;
  /** What the invoice still asks after this payment (the VAT of an ordinary invoice paid in Split Payment). */
  stillOwedCents: number;
  /** Set once the payment was refunded: the quietanza no longer attests a payment. */
  refund: { at: Date; cents: number; id: string } | null;
};

const dateTime = new Intl.DateTimeFormat("it-IT", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const date = new Intl.DateTimeFormat("it-IT", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });

/** "12/03/2026 14:30 (ora italiana)": dates are stored in UTC and printed in Europe/Rome. */
export const formatRomeDateTime = (at: Date) => `${dateTime.format(at).replace(",", "")} (ora italiana)`;
export const formatRomeDate = (at: Date) => date.format(at);

export const regimeLabel: Record<VatRegime, string> = { ORDINARY: "Ordinario", SPLIT_PAYMENT: "Split Payment" };

/** "Carta Visa •••• 4242"; the bank may not say which card it was. */
export function cardLabel(brand: string | null, last4: string | null): string {
  return brand && last4 ? `Carta ${brand} •••• ${last4}` : "Carta di pagamento";
}

/** The quietanza as an A4 PDF, in Italian (the language of the invoices it refers to). */
export function renderReceiptPdf(d: ReceiptDocument): Promise<Buffer> {
  return renderPdf({ title: "Quietanza di pagamento", subject: `Quietanza ${d.number} – fattura ${d.invoiceNumber}` }, (doc) => {
    if (d.refund) {
      doc.fontSize(14).text("PAGAMENTO RIMBORSATO", { underline: true }).fontSize(10);
      doc.text(`Il pagamento attestato da questa quietanza è stato rimborsato il ${formatRomeDateTime(d.refund.at)} (${formatMoney(d.refund.cents)}, riferimento rimborso ${d.refund.id}): la quietanza non attesta più alcun pagamento.`).moveDown();
    }
    doc.text(`Si attesta di aver ricevuto tramite l'Area Clienti (Paga fattura) il pagamento della fattura ${d.invoiceNumber}, come di seguito indicato.`).moveDown();
    writeFields(doc, [
      ["Numero quietanza", d.number],
      ["Data del pagamento", formatRomeDateTime(d.paidAt)],
      ["Pagatore", d.payerName],
      ["Codice fiscale / Partita IVA", d.payerTaxId],
      ["Fattura", `${d.invoiceNumber} del ${formatRomeDate(d.invoiceIssuedAt)}`],
      ["Cod. Cliente", d.customerCode],
      ["Totale fattura", formatMoney(d.invoiceTotalCents)],
      ["Importo pagato", formatMoney(d.amountCents)],
      ["Regime IVA", regimeLabel[d.regime]],
      ...(d.stillOwedCents > 0 ? ([["Importo ancora da pagare", formatMoney(d.stillOwedCents)]] as [string, string][]) : []),
      ["Metodo di pagamento", cardLabel(d.cardBrand, d.cardLast4)],
      ["ID transazione", d.transactionId],
    ]);
    if (d.stillOwedCents > 0) {
      doc.moveDown().text(
        `La fattura è in regime ordinario: il pagamento in Split Payment ne ha saldato l'imponibile. Resta da pagare l'IVA, ${formatMoney(d.stillOwedCents)}, su Paga fattura in regime Ordinario, oppure secondo le istruzioni dell'Amministrazione.`,
      );
    } else if (d.regime === "SPLIT_PAYMENT") {
      doc.moveDown().text(
        `Scissione dei pagamenti (art. 17-ter DPR 633/72): l'IVA della fattura, pari a ${formatMoney(d.invoiceVatCents)}, non è compresa nell'importo pagato ed è versata dall'ente direttamente all'Erario.`,
      );
    }
    doc.moveDown().text(`Pagamento ricevuto da Area Clienti con carta di pagamento, autorizzato dalla banca con l'ID transazione ${d.transactionId}.`);
    doc.moveDown(2).fontSize(8).text(`Documento generato il ${formatRomeDateTime(d.generatedAt)}. La quietanza attesta il pagamento ricevuto e non sostituisce la fattura.`);
  });
}
