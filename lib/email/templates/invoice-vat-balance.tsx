import { Link, Text } from "@react-email/components";
import { formatMoney } from "@/lib/money";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (n: string) => `Fattura ${n}: IVA da versare`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (n: string, net: string) => `la fattura ${n} è in regime ordinario, ma è stata pagata in regime di Split Payment: abbiamo ricevuto l'imponibile di ${net}.`,
    owed: (vat: string) => `Per completare il pagamento resta da versare l'IVA di ${vat}.`,
    how: "Vai su Paga fattura e inserisci:",
    rows: { invoice: "Numero Fattura", customer: "Cod. Cliente", amount: "Importo", regime: "Regime IVA" },
    ordinary: "ordinario (non Split Payment)",
    link: "Paga fattura",
  },
  en: {
    subject: (n: string) => `Invoice ${n}: VAT still to be paid`,
    greeting: (name: string) => `Dear ${name},`,
    body: (n: string, net: string) => `invoice ${n} is under the ordinary VAT regime, but it was paid under split payment: we received the net amount of ${net}.`,
    owed: (vat: string) => `To complete the payment, the VAT of ${vat} is still to be paid.`,
    how: "Go to Paga fattura (pay an invoice) and enter:",
    rows: { invoice: "Invoice number (Numero Fattura)", customer: "Customer code (Cod. Cliente)", amount: "Amount (Importo)", regime: "VAT regime" },
    ordinary: "ordinary (not split payment)",
    link: "Paga fattura",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"invoice-vat-balance"> & { locale: EmailLocale };

function InvoiceVatBalanceEmail(p: Props) {
  const t = copy[p.locale];
  const rows: [string, string][] = [
    [t.rows.invoice, p.invoiceNumber],
    [t.rows.customer, p.customerCode],
    [t.rows.amount, formatMoney(p.vatCents)],
    [t.rows.regime, t.ordinary],
  ];
  return (
    <EmailLayout locale={p.locale} preview={t.owed(formatMoney(p.vatCents))} heading={t.subject(p.invoiceNumber)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.body(p.invoiceNumber, formatMoney(p.paidNetCents))}</Text>
      <Text style={paragraph}>{t.owed(formatMoney(p.vatCents))}</Text>
      <Text style={paragraph}>{t.how}</Text>
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

export const invoiceVatBalance: EmailTemplate<"invoice-vat-balance"> = {
  subject: (props, locale) => copy[locale].subject(props.invoiceNumber),
  Component: InvoiceVatBalanceEmail,
};
