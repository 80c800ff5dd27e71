import { Section, Text } from "@react-email/components";
import { formatMoney } from "@/lib/money";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

type Regime = EmailProps<"receipt">["regime"];

const copy = {
  it: {
    subject: (r: string, i: string) => `Quietanza di pagamento ${r} – fattura ${i}`,
    greeting: (name: string) => `Gentile ${name},`,
    intro: (i: string) => `abbiamo ricevuto il pagamento della fattura ${i} tramite Paga fattura. In allegato trovi la quietanza di pagamento in formato PDF.`,
    resent: (i: string) => `come richiesto, ti inviamo di nuovo la quietanza del pagamento della fattura ${i}, in allegato in formato PDF.`,
    rows: { receipt: "Numero quietanza", invoice: "Fattura", amount: "Importo pagato", regime: "Regime IVA", date: "Data del pagamento", card: "Metodo di pagamento", tx: "ID transazione" },
    regimes: { ORDINARY: "Ordinario", SPLIT_PAYMENT: "Split Payment (scissione dei pagamenti)" } satisfies Record<Regime, string>,
    keep: "Conserva la quietanza: attesta il pagamento ricevuto.",
  },
  en: {
    subject: (r: string, i: string) => `Payment receipt ${r} – invoice ${i}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (i: string) => `we have received the payment of invoice ${i} through Paga fattura. The payment receipt (quietanza) is attached as a PDF.`,
    resent: (i: string) => `as requested, here again is the receipt (quietanza) for the payment of invoice ${i}, attached as a PDF.`,
    rows: { receipt: "Receipt number", invoice: "Invoice", amount: "Amount paid", regime: "VAT regime", date: "Payment date", card: "Payment method", tx: "Transaction id" },
    regimes: { ORDINARY: "Ordinary", SPLIT_PAYMENT: "Split payment" } satisfies Record<Regime, string>,
    keep: "Please keep the receipt: it certifies the payment received.",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"receipt"> & { locale: EmailLocale };

function ReceiptEmail(p: Props) {
  const t = copy[p.locale];
  const intro = p.resend ? t.resent(p.invoiceNumber) : t.intro(p.invoiceNumber);
  const rows: [string, string][] = [
    [t.rows.receipt, p.receiptNumber],
    [t.rows.invoice, p.invoiceNumber],
    [t.rows.amount, formatMoney(p.amountCents)],
    [t.rows.regime, t.regimes[p.regime]],
    [t.rows.date, formatDateTime(p.paidAt, p.locale)],
    [t.rows.card, p.card],
    [t.rows.tx, p.transactionId],
  ];
  return (
    <EmailLayout locale={p.locale} preview={intro} heading={t.subject(p.receiptNumber, p.invoiceNumber)}>
      <Text style={paragraph}>{t.greeting(p.payerName)}</Text>
      <Text style={paragraph}>{intro}</Text>
      <Section>
        {rows.map(([label, value]) => (
          <Text key={label} style={{ ...paragraph, margin: "0 0 6px" }}>
            {label}: <strong>{value}</strong>
          </Text>
        ))}
      </Section>
      <Text style={paragraph}>{t.keep}</Text>
    </EmailLayout>
  );
}

export const receipt: EmailTemplate<"receipt"> = {
  subject: (props, locale) => copy[locale].subject(props.receiptNumber, props.invoiceNumber),
  Component: ReceiptEmail,
};
