import { Link, Text } from "@react-email/components";
import { formatMoney } from "@/lib/money";
import type { EmailProps } from "../catalog";
import type { EmailLocale, EmailTemplate } from "../types";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

type Reason = EmailProps<"renewal-failed">["reason"];

const copy = {
  it: {
    subject: (s: string) => `Rinnovo automatico non riuscito per ${s}`,
    greeting: (name: string) => `Gentile ${name},`,
    body: (s: string, amount: string, n: string) => `non siamo riusciti ad addebitare il rinnovo automatico di ${s} (ordine ${n}, ${amount} IVA inclusa).`,
    reasons: {
      declined: "La banca ha rifiutato il pagamento con la carta registrata.",
      insufficient_funds: "La carta registrata non ha fondi sufficienti.",
      expired_card: "La carta registrata è scaduta.",
      authentication_required: "La banca chiede che tu confermi il pagamento di persona (3-D Secure): con il cliente assente non lo può autorizzare. Pagando l'ordine dall'Area Clienti confermi tu.",
      no_card: "Non c'è una carta valida registrata per i rinnovi automatici.",
      above_ceiling: "L'importo supera l'importo massimo prelevabile che hai autorizzato.",
      other: "Il pagamento non è andato a buon fine.",
    } satisfies Record<Reason, string>,
    next: (when: string) => `Riproveremo automaticamente il ${when}.`,
    last: "Non sono previsti altri tentativi automatici.",
    expiry: (when: string) => `Il servizio scade il ${when}: per non interromperlo puoi pagare subito l'ordine dall'Area Clienti.`,
    pay: "Paga l'ordine",
  },
  en: {
    subject: (s: string) => `Automatic renewal failed for ${s}`,
    greeting: (name: string) => `Dear ${name},`,
    body: (s: string, amount: string, n: string) => `we could not charge the automatic renewal of ${s} (order ${n}, ${amount} VAT included).`,
    reasons: {
      declined: "The bank declined the payment with your saved card.",
      insufficient_funds: "Your saved card has insufficient funds.",
      expired_card: "Your saved card has expired.",
      authentication_required: "Your bank wants you to confirm the payment yourself (3-D Secure): it can't authorise it while you are away. Paying the order from the Customer Area, you confirm it.",
      no_card: "There is no valid card saved for automatic renewals.",
      above_ceiling: "The amount is above the maximum withdrawal amount you authorised.",
      other: "The payment did not go through.",
    } satisfies Record<Reason, string>,
    next: (when: string) => `We will try again automatically on ${when}.`,
    last: "No further automatic attempts are planned.",
    expiry: (when: string) => `The service expires on ${when}: to keep it running you can pay the order now from the Customer Area.`,
    pay: "Pay the order",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"renewal-failed"> & { locale: EmailLocale };

function RenewalFailedEmail(p: Props) {
  const t = copy[p.locale];
  const body = t.body(p.serviceName, formatMoney(p.totalCents), p.orderNumber);
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.subject(p.serviceName)}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      <Text style={paragraph}>
        <strong>{t.reasons[p.reason]}</strong>
      </Text>
      <Text style={paragraph}>{p.nextAttemptAt ? t.next(formatDateTime(p.nextAttemptAt, p.locale)) : t.last}</Text>
      <Text style={paragraph}>{t.expiry(formatDateTime(p.expiresAt, p.locale))}</Text>
      <Text style={paragraph}>
        <Link href={p.payUrl}>{t.pay}</Link>: {p.payUrl}
      </Text>
    </EmailLayout>
  );
}

export const renewalFailed: EmailTemplate<"renewal-failed"> = {
  subject: (props, locale) => copy[locale].subject(props.serviceName),
  Component: RenewalFailedEmail,
};
