import { Link, Text } from "@react-email/components";
import type { EmailProps } from "../../catalog";
import type { EmailLocale, EmailTemplate } from "../../types";
import { formatDateTime } from "../format";
import { EmailLayout, paragraph } from "../layout";

const copy = {
  it: {
    confirmSubject: "Conferma il nuovo indirizzo e-mail registrato",
    greeting: (name: string) => `Gentile ${name},`,
    confirmBody: (e: string) => `hai chiesto di registrare ${e} come indirizzo e-mail del tuo account dell'Area Clienti. Da quando lo confermi, Lista Pagamenti, avvisi e ricevute arriveranno qui.`,
    confirmLink: "Conferma il nuovo indirizzo",
    expiry: (when: string) => `Il collegamento si può usare una sola volta ed è valido fino al ${when}. Per confermare ti chiederemo la password dell'account.`,
    notYou: "Se non l'hai chiesto tu, ignora questo messaggio: l'indirizzo registrato non cambia.",
    requestedSubject: "Richiesta di cambio dell'indirizzo e-mail registrato",
    requestedBody: (e: string, when: string) => `il ${when} è stato chiesto di sostituire questo indirizzo con ${e} come indirizzo registrato del tuo account. Il cambio avverrà solo se il nuovo indirizzo viene confermato.`,
    confirmedSubject: "Indirizzo e-mail registrato cambiato",
    confirmedBody: (e: string, when: string) => `il ${when} l'indirizzo e-mail registrato del tuo account è diventato ${e}. Da ora Lista Pagamenti, avvisi e ricevute arriveranno a quell'indirizzo.`,
    ifNot: "Se non sei stato tu, cambia subito la password dall'Area Clienti (o con «Password dimenticata?») e contatta l'assistenza.",
    cancelLink: "Annulla la modifica",
    cancelBody: "Se non l'hai chiesto tu, annulla la modifica con questo collegamento (vale finché il cambio è in attesa), poi cambia la password: chi l'ha chiesto la conosce.",
  },
  en: {
    confirmSubject: "Confirm your new registered e-mail address",
    greeting: (name: string) => `Dear ${name},`,
    confirmBody: (e: string) => `you asked to register ${e} as the e-mail address of your Customer Area account. Once you confirm it, payment lists, notices and receipts will come here.`,
    confirmLink: "Confirm the new address",
    expiry: (when: string) => `The link works once and is valid until ${when}. Confirming asks for your account's password.`,
    notYou: "If you did not ask for this, ignore this message: the registered address does not change.",
    requestedSubject: "Request to change your registered e-mail address",
    requestedBody: (e: string, when: string) => `on ${when} someone asked to replace this address with ${e} as your account's registered address. The change happens only if the new address is confirmed.`,
    confirmedSubject: "Registered e-mail address changed",
    confirmedBody: (e: string, when: string) => `on ${when} your account's registered e-mail address became ${e}. From now on payment lists, notices and receipts go to that address.`,
    ifNot: "If this was not you, change your password in the Customer Area right away (or use “Forgot your password?”) and contact support.",
    cancelLink: "Cancel the change",
    cancelBody: "If you did not ask for this, cancel the change with this link (it works while the change is pending), then change your password: whoever asked knows it.",
  },
} satisfies Record<EmailLocale, unknown>;

function ConfirmEmail(p: EmailProps<"email-change-confirm"> & { locale: EmailLocale }) {
  const t = copy[p.locale];
  return (
    <EmailLayout locale={p.locale} preview={t.confirmBody(p.newEmail)} heading={t.confirmSubject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.confirmBody(p.newEmail)}</Text>
      <Text style={paragraph}>
        <Link href={p.confirmUrl}>{t.confirmLink}</Link>: {p.confirmUrl}
      </Text>
      <Text style={paragraph}>{t.expiry(formatDateTime(p.expiresAt, p.locale))}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
    </EmailLayout>
  );
}

function NoticeEmail(p: EmailProps<"email-change-notice"> & { locale: EmailLocale }) {
  const t = copy[p.locale];
  const when = formatDateTime(p.at, p.locale);
  const body = p.stage === "requested" ? t.requestedBody(p.newEmail, when) : t.confirmedBody(p.newEmail, when);
  return (
    <EmailLayout locale={p.locale} preview={body} heading={p.stage === "requested" ? t.requestedSubject : t.confirmedSubject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      {p.cancelUrl ? (
        <Text style={paragraph}>
          {t.cancelBody} <Link href={p.cancelUrl}>{t.cancelLink}</Link>: {p.cancelUrl}
        </Text>
      ) : null}
      <Text style={paragraph}>{t.ifNot}</Text>
    </EmailLayout>
  );
}

export const emailChangeConfirm: EmailTemplate<"email-change-confirm"> = { subject: (_p, locale) => copy[locale].confirmSubject, Component: ConfirmEmail };
export const emailChangeNotice: EmailTemplate<"email-change-notice"> = {
  subject: (p, locale) => (p.stage === "requested" ? copy[locale].requestedSubject : copy[locale].confirmedSubject),
  Component: NoticeEmail,
};
