import { Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (s: string) => `Rinnovo automatico disattivato per ${s}`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (product: string, s: string) => `il rinnovo automatico del servizio ${product} ${s} è stato disattivato: non addebiteremo più il rinnovo sulla tua carta.`,
    expiry: (when: string) => `Il servizio scadrà il ${when}: dopo quella data smetterà di funzionare, a meno che tu non paghi il rinnovo dall'Area Clienti.`,
    noExpiry: "Il servizio non sarà più rinnovato in automatico: potrai pagarne il rinnovo dall'Area Clienti.",
    on: "Puoi riattivare il rinnovo automatico in qualsiasi momento dall'Area Clienti, nella pagina del servizio o nell'elenco dei servizi.",
  },
  en: {
    subject: (s: string) => `Automatic renewal turned off for ${s}`,
    greeting: (name: string) => `Dear ${name},`,
    body: (product: string, s: string) => `automatic renewal of your ${product} service ${s} has been turned off: we will no longer charge the renewal to your card.`,
    expiry: (when: string) => `The service expires on ${when}: after that date it will stop working unless you pay the renewal from the Customer Area.`,
    noExpiry: "The service will no longer renew automatically: you can pay its renewal from the Customer Area.",
    on: "You can turn automatic renewal back on at any time from the Customer Area, on the service's page or in the list of services.",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"renewal-deactivated"> & { locale: EmailLocale };

function RenewalDeactivatedEmail(p: Props) {
  const t = copy[p.locale];
  return (
    <EmailLayout locale={p.locale} preview={t.body(p.productName, p.serviceName)} heading={t.subject(p.serviceName)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.body(p.productName, p.serviceName)}</Text>
      <Text style={paragraph}>{p.expiresAt ? t.expiry(formatDateTime(p.expiresAt, p.locale)) : t.noExpiry}</Text>
      <Text style={paragraph}>{t.on}</Text>
    </EmailLayout>
  );
}

export const renewalDeactivated: EmailTemplate<"renewal-deactivated"> = {
  subject: (props, locale) => copy[locale].subject(props.serviceName),
  Component: RenewalDeactivatedEmail,
};
