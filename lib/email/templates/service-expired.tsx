import { Link, Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (s: string) => `Il servizio ${s} è scaduto`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (product: string, s: string, when: string) => `il servizio ${product} ${s} è scaduto il ${when} senza essere stato rinnovato.`,
    renew: "Puoi ancora rinnovarlo dall'Area Clienti, pagando l'ordine di rinnovo nella pagina del servizio.",
    link: "Vai al servizio",
  },
  en: {
    subject: (s: string) => `The service ${s} has expired`,
    greeting: (name: string) => `Dear ${name},`,
    body: (product: string, s: string, when: string) => `your ${product} service ${s} expired on ${when} without being renewed.`,
    renew: "You can still renew it from the Customer Area by paying the renewal order on the service's page.",
    link: "Go to the service",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"service-expired"> & { locale: EmailLocale };

function ServiceExpiredEmail(p: Props) {
  const t = copy[p.locale];
  const body = t.body(p.productName, p.serviceName, formatDateTime(p.expiredAt, p.locale));
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.subject(p.serviceName)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      <Text style={paragraph}>{t.renew}</Text>
      <Text style={paragraph}>
        <Link href={p.serviceUrl}>{t.link}</Link>: {p.serviceUrl}
      </Text>
    </EmailLayout>
  );
}

export const serviceExpired: EmailTemplate<"service-expired"> = {
  subject: (props, locale) => copy[locale].subject(props.serviceName),
  Component: ServiceExpiredEmail,
};
