import { Text } from "@react-email/components";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { EmailLayout, paragraph } from "./layout";

const intlLocale: Record<EmailLocale, string> = { it: "it-IT", en: "en-GB" };
/** "1 marzo 2026": the period's days are calendar days, printed as they were asked for. */
function day(iso: string, locale: EmailLocale) {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
}

const copy = {
  it: {
    subject: "Lista Pagamenti richiesta",
    greeting: (name: string) => `Gentile ${name},`,
    intro: (code: string, from: string, to: string) => `come richiesto dalla pagina Lista Pagamenti, ti inviamo la lista dei pagamenti del cliente ${code} dal ${from} al ${to}.`,
    count: (n: number) => (n === 0 ? "Nel periodo non risultano pagamenti: il file allegato contiene solo le intestazioni." : n === 1 ? "Il file CSV allegato contiene 1 pagamento." : `Il file CSV allegato contiene ${n} pagamenti.`),
    notYou: "La lista viene inviata solo a questo indirizzo, l'ultimo registrato per il cliente. Se non l'hai richiesta tu, puoi ignorare questo messaggio.",
  },
  en: {
    subject: "Payment list you asked for",
    greeting: (name: string) => `Dear ${name},`,
    intro: (code: string, from: string, to: string) => `as requested on the Lista Pagamenti page, here is the list of payments of customer ${code} from ${from} to ${to}.`,
    count: (n: number) => (n === 0 ? "There are no payments in the period: the attached file holds only the headings." : n === 1 ? "The attached CSV file holds 1 payment." : `The attached CSV file holds ${n} payments.`),
    notYou: "The list is sent only to this address, the last one registered for the customer. If you did not ask for it, you can ignore this message.",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"payments-list"> & { locale: EmailLocale };

function PaymentsListEmail(p: Props) {
  const t = copy[p.locale];
  const intro = t.intro(p.customerCode, day(p.from, p.locale), day(p.to, p.locale));
  return (
    <EmailLayout locale={p.locale} preview={intro} heading={t.subject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{intro}</Text>
      <Text style={paragraph}>{t.count(p.count)}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
    </EmailLayout>
  );
}

export const paymentsList: EmailTemplate<"payments-list"> = {
  subject: (_props, locale) => copy[locale].subject,
  Component: PaymentsListEmail,
};
