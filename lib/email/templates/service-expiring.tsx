import { Link, Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (s: string, days: number) => `Il servizio ${s} scade tra ${days} giorni`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (product: string, s: string, when: string) => `il servizio ${product} ${s} scade il ${when} e non ha il rinnovo automatico attivo.`,
    renew: "Per non interromperlo, rinnovalo dall'Area Clienti prima della scadenza.",
    auto: "Puoi anche attivare il rinnovo automatico: ci penseremo noi, addebitando la carta registrata.",
    link: "Vai al servizio",
  },
  en: {
    subject: (s: string, days: number) => `The service ${s} expires in ${days} days`,
    greeting: (name: string) => `Dear ${name},`,
    body: (product: string, s: string, when: string) => `your ${product} service ${s} expires on ${when} and automatic renewal is not active.`,
    renew: "To keep it running, renew it from the Customer Area before it expires.",
    auto: "You can also turn automatic renewal on: we will charge your saved card for you.",
    link: "Go to the service",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"service-expiring"> & { locale: EmailLocale };

function ServiceExpiringEmail(p: Props) {
  const t = copy[p.locale];
  const body = t.body(p.productName, p.serviceName, formatDateTime(p.expiresAt, p.locale));
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.subject(p.serviceName, p.daysLeft)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      <Text style={paragraph}>{t.renew}</Text>
      {p.autoRenewalAvailable ? <Text style={paragraph}>{t.auto}</Text> : null}
      <Text style={paragraph}>
        <Link href={p.serviceUrl}>{t.link}</Link>: {p.serviceUrl}
      </Text>
    </EmailLayout>
  );
}

export const serviceExpiring: EmailTemplate<"service-expiring"> = {
  subject: (props, locale) => copy[locale].subject(props.serviceName, props.daysLeft),
  Component: ServiceExpiringEmail,
};
