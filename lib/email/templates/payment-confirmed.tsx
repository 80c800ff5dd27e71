import { Section, Text } from "@react-email/components";
import { formatMoney } from "@/lib/money";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (n: string) => `Conferma di pagamento dell'ordine ${n}`,
    greeting: (name: string) => `Gentile ${name},`,
    intro: (n: string) => `abbiamo ricevuto il pagamento dell'ordine ${n}. Di seguito i dati della ricevuta.`,
    automatic: (n: string, s: string) => `come previsto dal rinnovo automatico, abbiamo addebitato il rinnovo di ${s} (ordine ${n}) sulla carta registrata. Di seguito i dati della ricevuta.`,
    rows: { description: "Descrizione", net: "Imponibile", vat: "IVA 22%", total: "Totale pagato", card: "Metodo di pagamento", date: "Data del pagamento", tx: "Identificativo della transazione" },
    active: (service: string, until: string) => `Il servizio ${service} è attivo fino al ${until}.`,
  },
  en: {
    subject: (n: string) => `Payment confirmation for order ${n}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (n: string) => `we have received the payment for order ${n}. Here are the receipt details.`,
    automatic: (n: string, s: string) => `as set up with automatic renewal, we have charged the renewal of ${s} (order ${n}) to your saved card. Here are the receipt details.`,
    rows: { description: "Description", net: "Net amount", vat: "VAT 22%", total: "Total paid", card: "Payment method", date: "Payment date", tx: "Transaction id" },
    active: (service: string, until: string) => `The service ${service} is active until ${until}.`,
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"payment-confirmed"> & { locale: EmailLocale };

function PaymentConfirmedEmail(p: Props) {
  const t = copy[p.locale];
  const intro = p.automatic ? t.automatic(p.orderNumber, p.serviceName) : t.intro(p.orderNumber);
  const rows: [string, string][] = [
    [t.rows.description, p.description],
    [t.rows.net, formatMoney(p.netCents)],
    [t.rows.vat, formatMoney(p.vatCents)],
    [t.rows.total, formatMoney(p.totalCents)],
    [t.rows.card, p.card],
    [t.rows.date, formatDateTime(p.paidAt, p.locale)],
    [t.rows.tx, p.transactionId],
  ];
  return (
    <EmailLayout locale={p.locale} preview={intro} heading={t.subject(p.orderNumber)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{intro}</Text>
      <Section>
        {rows.map(([label, value]) => (
          <Text key={label} style={{ ...paragraph, margin: "0 0 6px" }}>
            {label}: <strong>{value}</strong>
          </Text>
        ))}
      </Section>
      {p.expiresAt ? <Text style={paragraph}>{t.active(p.serviceName, formatDateTime(p.expiresAt, p.locale))}</Text> : null}
    </EmailLayout>
  );
}

export const paymentConfirmed: EmailTemplate<"payment-confirmed"> = {
  subject: (props, locale) => copy[locale].subject(props.orderNumber),
  Component: PaymentConfirmedEmail,
};
