import { stringify } from "csv-stringify/sync";
import type { VatRegime } from "@/lib/db/generated/enums";
import type { AppLocale } from "@/lib/i18n/config";
import { TIME_ZONE } from "@/lib/i18n/config";

/** One successful payment of the customer: an invoice paid on Paga fattura or an order paid in the area. */
export type PaymentRow = {
  paidAt: Date;
  kind: "invoice" | "order" | "renewal";
  invoiceNumber: string | null;
  orderNumber: string | null;
  amountCents: number;
  regime: VatRegime | null;
  card: { brand: string; last4: string } | null;
  transactionId: string | null;
  receiptNumber: string | null;
  refundedCents: number;
};

const headings: Record<AppLocale, string[]> = {
  it: ["Data pagamento", "Tipo", "Numero fattura", "Numero ordine", "Importo (EUR)", "Regime IVA", "Metodo di pagamento", "ID transazione", "Numero quietanza", "Rimborsato (EUR)"],
  en: ["Payment date", "Type", "Invoice number", "Order number", "Amount (EUR)", "VAT regime", "Payment method", "Transaction id", "Receipt number", "Refunded (EUR)"],
};
const kinds: Record<AppLocale, Record<PaymentRow["kind"], string>> = {
  it: { invoice: "Paga fattura", order: "Ordine", renewal: "Rinnovo automatico" },
  en: { invoice: "Invoice payment", order: "Order", renewal: "Automatic renewal" },
};
const regimes: Record<AppLocale, Record<VatRegime, string>> = {
  it: { ORDINARY: "Ordinario", SPLIT_PAYMENT: "Split Payment" },
  en: { ORDINARY: "Ordinary", SPLIT_PAYMENT: "Split payment" },
};
const cardWord: Record<AppLocale, string> = { it: "Carta", en: "Card" };

const stamp = new Intl.DateTimeFormat("it-IT", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
/** "122,00": a number Italian spreadsheets read as such (the column says EUR). */
const amount = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

/**
 * The payment list as CSV for a spreadsheet: ";" between fields, decimal comma, UTF-8 with a byte
 * order mark and CRLF line ends, which is what Excel in Italian expects; times in Europe/Rome.
 */
export function paymentsCsv(rows: PaymentRow[], locale: AppLocale): string {
  const records = rows.map((r) => [
    stamp.format(r.paidAt).replace(",", ""),
    kinds[locale][r.kind],
    r.invoiceNumber ?? "",
    r.orderNumber ?? "",
    amount(r.amountCents),
    r.regime ? regimes[locale][r.regime] : "",
    r.card ? `${cardWord[locale]} ${r.card.brand} •••• ${r.card.last4}` : cardWord[locale],
    r.transactionId ?? "",
    r.receiptNumber ?? "",
    r.refundedCents > 0 ? amount(r.refundedCents) : "",
  ]);
  return stringify([headings[locale], ...records], { delimiter: ";", bom: true, record_delimiter: "windows" });
}
