import { Link, Text } from "@react-email/components";
import { formatMoney } from "@/lib/money";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { EmailLayout, paragraph } from "./layout";

type Regime = EmailProps<"invoice-payment-refunded">["regime"];

const copy = {
  it: {
    subject: (n: string) => `Fattura ${n}: pagamento rimborsato`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (amount: string, n: string, card: string) => `il pagamento di ${amount} della fattura ${n}, effettuato in un regime IVA diverso da quello della fattura, è stato rimborsato sulla carta ${card}. L'accredito segue i tempi della tua banca.`,
    again: "La fattura è di nuovo da pagare. Su Paga fattura inserisci:",
    rows: { invoice: "Numero Fattura", customer: "Cod. Cliente", amount: "Importo", regime: "Regime IVA", tx: "Identificativo della transazione rimborsata" },
    regimes: { ORDINARY: "ordinario", SPLIT_PAYMENT: "Split Payment" } satisfies Record<Regime, string>,
    link: "Paga fattura",
  },
  en: {
    subject: (n: string) => `Invoice ${n}: payment refunded`,
    greeting: (name: string) => `Dear ${name},`,
    body: (amount: string, n: string, card: string) => `the payment of ${amount} for invoice ${n}, made under a VAT regime other than the invoice's, has been refunded to the card ${card}. The credit follows your bank's timing.`,
    again: "The invoice is to be paid again. On Paga fattura enter:",
    rows: { invoice: "Invoice number (Numero Fattura)", customer: "Customer code (Cod. Cliente)", amount: "Amount (Importo)", regime: "VAT regime", tx: "Refunded transaction id" },
    regimes: { ORDINARY: "ordinary", SPLIT_PAYMENT: "split payment" } satisfies Record<Regime, string>,
    link: "Paga fattura",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"invoice-payment-refunded"> & { locale: EmailLocale };

function InvoicePaymentRefundedEmail(p: Props) {
  const t = copy[p.locale];
  const rows: [string, string][] = [
    [t.rows.invoice, p.invoiceNumber],
    [t.rows.customer, p.customerCode],
    [t.rows.amount, formatMoney(p.amountDueCents)],
    [t.rows.regime, t.regimes[p.regime]],
    [t.rows.tx, p.transactionId],
  ];
  return (
    <EmailLayout locale={p.locale} preview={t.subject(p.invoiceNumber)} heading={t.subject(p.invoiceNumber)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.body(formatMoney(p.refundedCents), p.invoiceNumber, p.card)}</Text>
      <Text style={paragraph}>{t.again}</Text>
      {rows.map(([label, value]) => (
        <Text key={label} style={{ ...paragraph, margin: "0 0 6px" }}>
          {label}: <strong>{value}</strong>
        </Text>
      ))}
      <Text style={paragraph}>
        <Link href={p.payUrl}>{t.link}</Link>
      </Text>
    </EmailLayout>
  );
}

export const invoicePaymentRefunded: EmailTemplate<"invoice-payment-refunded"> = {
  subject: (props, locale) => copy[locale].subject(props.invoiceNumber),
  Component: InvoicePaymentRefundedEmail,
};
