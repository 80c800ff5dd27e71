import { Text } from "@react-email/components";
import { formatMoney } from "@/lib/money";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

const copy = {
  it: {
    subject: (s: string) => `Rinnovo automatico attivato per ${s}`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (product: string, s: string) => `il rinnovo automatico del servizio ${product} ${s} è attivo.`,
    next: (when: string, amount: string, card: string) => `Il prossimo rinnovo, di ${amount} IVA inclusa, sarà addebitato il ${when} sulla carta ${card}.`,
    off: "Puoi disattivare il rinnovo automatico in qualsiasi momento dall'Area Clienti, nella pagina del servizio.",
  },
  en: {
    subject: (s: string) => `Automatic renewal activated for ${s}`,
    greeting: (name: string) => `Dear ${name},`,
    body: (product: string, s: string) => `automatic renewal of your ${product} service ${s} is now on.`,
    next: (when: string, amount: string, card: string) => `The next renewal, ${amount} VAT included, will be charged on ${when} to the card ${card}.`,
    off: "You can turn automatic renewal off at any time from the Customer Area, on the service's page.",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"renewal-activated"> & { locale: EmailLocale };

function RenewalActivatedEmail(p: Props) {
  const t = copy[p.locale];
  return (
    <EmailLayout locale={p.locale} preview={t.body(p.productName, p.serviceName)} heading={t.subject(p.serviceName)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.body(p.productName, p.serviceName)}</Text>
      <Text style={paragraph}>{t.next(formatDateTime(p.nextRenewalAt, p.locale), formatMoney(p.renewalTotalCents), p.card)}</Text>
      <Text style={paragraph}>{t.off}</Text>
    </EmailLayout>
  );
}

export const renewalActivated: EmailTemplate<"renewal-activated"> = {
  subject: (props, locale) => copy[locale].subject(props.serviceName),
  Component: RenewalActivatedEmail,
};
