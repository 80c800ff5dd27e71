import { Link, Text } from "@react-email/components";
import type { EmailProps } from "../../catalog";
import type { EmailLocale, EmailTemplate } from "../../types";
import { formatDateTime } from "../format";
import { EmailLayout, paragraph } from "../layout";

const copy = {
  it: {
    subject: "Reimposta la password dell'Area Clienti",
    greeting: (name: string) => `Gentile ${name},`,
    body: (u: string) => `abbiamo ricevuto una richiesta di reimpostare la password dell'account ${u}.`,
    link: "Scegli una nuova password",
    expiry: (when: string) => `Il collegamento si può usare una sola volta ed è valido fino al ${when}.`,
    notYou: "Se non hai chiesto tu di reimpostare la password, ignora questo messaggio: la password resta quella di prima.",
  },
  en: {
    subject: "Reset your Customer Area password",
    greeting: (name: string) => `Dear ${name},`,
    body: (u: string) => `we received a request to reset the password of the account ${u}.`,
    link: "Choose a new password",
    expiry: (when: string) => `The link works once and is valid until ${when}.`,
    notYou: "If you did not ask to reset your password, ignore this message: your password stays as it was.",
  },
} satisfies Record<EmailLocale, unknown>;

function PasswordResetEmail(p: EmailProps<"password-reset"> & { locale: EmailLocale }) {
  const t = copy[p.locale];
  return (
    <EmailLayout locale={p.locale} preview={t.body(p.username)} heading={t.subject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{t.body(p.username)}</Text>
      <Text style={paragraph}>
        <Link href={p.resetUrl}>{t.link}</Link>: {p.resetUrl}
      </Text>
      <Text style={paragraph}>{t.expiry(formatDateTime(p.expiresAt, p.locale))}</Text>
      <Text style={paragraph}>{t.notYou}</Text>
    </EmailLayout>
  );
}

export const passwordReset: EmailTemplate<"password-reset"> = { subject: (_p, locale) => copy[locale].subject, Component: PasswordResetEmail };
