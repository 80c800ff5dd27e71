import { Link, Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (card: string) => `La carta ${card} scade prima del prossimo rinnovo`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (card: string, exp: string) => `la carta ${card}, che paga i tuoi rinnovi automatici, scade a fine ${exp}.`,
    next: (s: string, when: string) => `Il prossimo rinnovo (${s}) sarà addebitato il ${when}: con la carta scaduta non potremo addebitarlo.`,
    action: "Aggiungi una nuova carta e sceglila per i rinnovi nella pagina Metodi di pagamento.",
    link: "Metodi di pagamento",
  },
  en: {
    subject: (card: string) => `The card ${card} expires before your next renewal`,
    greeting: (name: string) => `Dear ${name},`,
    body: (card: string, exp: string) => `the card ${card}, which pays your automatic renewals, expires at the end of ${exp}.`,
    next: (s: string, when: string) => `The next renewal (${s}) will be charged on ${when}: with an expired card we will not be able to charge it.`,
    action: "Add a new card and choose it for renewals on the Payment methods page.",
    link: "Payment methods",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"card-expiring"> & { locale: EmailLocale };

function CardExpiringEmail(p: Props) {
  const t = copy[p.locale];
  const body = t.body(p.card, p.cardExpiry);
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.subject(p.card)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      <Text style={paragraph}>{t.next(p.serviceName, formatDateTime(p.chargeAt, p.locale))}</Text>
      <Text style={paragraph}>{t.action}</Text>
      <Text style={paragraph}>
        <Link href={p.cardsUrl}>{t.link}</Link>: {p.cardsUrl}
      </Text>
    </EmailLayout>
  );
}

export const cardExpiring: EmailTemplate<"card-expiring"> = {
  subject: (props, locale) => copy[locale].subject(props.card),
  Component: CardExpiringEmail,
};
