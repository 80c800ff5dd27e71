import { Section, Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { EmailLayout, paragraph } from "./layout";

type Category = EmailProps<"support-request-received">["category"];
type Reason = EmailProps<"support-request-received">["reason"];

const copy = {
  it: {
    subject: (n: string) => `Richiesta di Assistenza n. ${n} ricevuta`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (n: string, c: string) => `abbiamo ricevuto la tua Richiesta di Assistenza n. ${n}, indirizzata a ${c}. Ti risponderemo a questo indirizzo e-mail.`,
    keep: "Indica il numero della richiesta in ogni comunicazione successiva.",
    categoryLabel: "Destinatario",
    reasonLabel: "Motivo",
    messageLabel: "Il tuo messaggio",
    categories: { AMMINISTRAZIONE: "Amministrazione", SUPPORTO_TECNICO: "Supporto Tecnico" } satisfies Record<Category, string>,
    reasons: {
      RECEIPT_NOT_RECEIVED: "Quietanza non ricevuta",
      WRONG_EMAIL: "Indirizzo e-mail errato",
      SPLIT_PAYMENT_MISTAKE: "Pagamento in Split Payment per errore",
      WRONG_INVOICE_DATA: "Dati della fattura errati",
      TECHNICAL_ERROR: "Errore tecnico",
      OTHER: "Altro",
    } satisfies Record<Reason, string>,
  },
  en: {
    subject: (n: string) => `Support request no. ${n} received`,
    greeting: (name: string) => `Dear ${name},`,
    body: (n: string, c: string) => `we have received your support request no. ${n}, addressed to ${c}. We will reply to this e-mail address.`,
    keep: "Please quote the request number in any further message.",
    categoryLabel: "Addressed to",
    reasonLabel: "Reason",
    messageLabel: "Your message",
    categories: { AMMINISTRAZIONE: "Administration (Amministrazione)", SUPPORTO_TECNICO: "Technical Support (Supporto Tecnico)" } satisfies Record<Category, string>,
    reasons: {
      RECEIPT_NOT_RECEIVED: "Receipt not received",
      WRONG_EMAIL: "Wrong e-mail address",
      SPLIT_PAYMENT_MISTAKE: "Paid under split payment by mistake",
      WRONG_INVOICE_DATA: "Wrong invoice data",
      TECHNICAL_ERROR: "Technical error",
      OTHER: "Other",
    } satisfies Record<Reason, string>,
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"support-request-received"> & { locale: EmailLocale };

const quote = { ...paragraph, whiteSpace: "pre-wrap" as const, borderLeft: "4px solid #d1d5db", paddingLeft: "12px" };

function SupportRequestReceivedEmail(p: Props) {
  const t = copy[p.locale];
  const category = t.categories[p.category];
  return (
    <EmailLayout locale={p.locale} preview={t.subject(p.requestNumber)} heading={t.subject(p.requestNumber)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.body(p.requestNumber, category)}</Text>
      <Section>
        <Text style={paragraph}>
          {t.categoryLabel}: {category}
          <br />
          {t.reasonLabel}: {t.reasons[p.reason]}
        </Text>
        <Text style={paragraph}>{t.messageLabel}:</Text>
        <Text style={quote}>{p.message}</Text>
      </Section>
      <Text style={paragraph}>{t.keep}</Text>
    </EmailLayout>
  );
}

export const supportRequestReceived: EmailTemplate<"support-request-received"> = {
  subject: (props, locale) => copy[locale].subject(props.requestNumber),
  Component: SupportRequestReceivedEmail,
};
