import { Section, Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { EmailLayout, paragraph } from "./layout";

type Category = EmailProps<"support-reply">["category"];

const copy = {
  it: {
    subject: (n: string) => `Risposta alla Richiesta di Assistenza n. ${n}`,
    greeting: (name: string) => `Gentile ${name},`,
    intro: (n: string, c: string) => `${c} ha risposto alla tua Richiesta di Assistenza n. ${n}:`,
    original: "Il tuo messaggio",
    more: "Per proseguire invia una nuova Richiesta di Assistenza indicando questo numero.",
    categories: { AMMINISTRAZIONE: "L'Amministrazione", SUPPORTO_TECNICO: "Il Supporto Tecnico" } satisfies Record<Category, string>,
  },
  en: {
    subject: (n: string) => `Reply to your support request no. ${n}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: (n: string, c: string) => `${c} replied to your support request no. ${n}:`,
    original: "Your message",
    more: "To follow up, send a new support request quoting this number.",
    categories: { AMMINISTRAZIONE: "Administration (Amministrazione)", SUPPORTO_TECNICO: "Technical Support (Supporto Tecnico)" } satisfies Record<Category, string>,
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"support-reply"> & { locale: EmailLocale };

const quote = { ...paragraph, whiteSpace: "pre-wrap" as const, borderLeft: "4px solid #d1d5db", paddingLeft: "12px" };
const reply = { ...paragraph, whiteSpace: "pre-wrap" as const };

function SupportReplyEmail(p: Props) {
  const t = copy[p.locale];
  return (
    <EmailLayout locale={p.locale} preview={t.subject(p.requestNumber)} heading={t.subject(p.requestNumber)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.intro(p.requestNumber, t.categories[p.category])}</Text>
      <Text style={reply}>{p.reply}</Text>
      <Section>
        <Text style={paragraph}>{t.original}:</Text>
        <Text style={quote}>{p.originalMessage}</Text>
      </Section>
      <Text style={paragraph}>{t.more}</Text>
    </EmailLayout>
  );
}

export const supportReply: EmailTemplate<"support-reply"> = {
  subject: (props, locale) => copy[locale].subject(props.requestNumber),
  Component: SupportReplyEmail,
};
