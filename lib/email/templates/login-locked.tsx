import { Text } from "@react-email/components";
import type { EmailLocale, EmailTemplate } from "../types";
import type { EmailProps } from "../catalog";
import { formatDateTime } from "./format";
import { EmailLayout, paragraph } from "./layout";

// The product's name (the customer area), not the provider's: that one heads the layout.
const AREA_NAME = "Area Clienti";

const copy = {
  it: {
    subject: "Tentativi di accesso non riusciti al tuo account",
    greeting: (name: string) => `Gentile ${name},`,
    attempts: `abbiamo registrato diversi tentativi di accesso non riusciti al tuo account ${AREA_NAME}.`,
    blocked: (until: string) => `Per proteggerlo, l'accesso è temporaneamente bloccato fino al ${until}.`,
    ifYou: "Se i tentativi sono stati fatti da te, potrai accedere di nuovo dopo quell'ora.",
    ifNotYou: "Se non li hai fatti tu, contatta subito l'assistenza: qualcuno potrebbe cercare di entrare nel tuo account.",
  },
  en: {
    subject: "Failed sign-in attempts on your account",
    greeting: (name: string) => `Dear ${name},`,
    attempts: `we recorded several failed sign-in attempts on your ${AREA_NAME} account.`,
    blocked: (until: string) => `To protect it, signing in is temporarily blocked until ${until}.`,
    ifYou: "If these attempts were yours, you can sign in again after that time.",
    ifNotYou: "If it was not you, please contact support right away: someone may be trying to get into your account.",
  },
} satisfies Record<EmailLocale, unknown>;

type Props = EmailProps<"login-locked"> & { locale: EmailLocale };

function LoginLockedEmail({ name, unlockAt, locale }: Props) {
  const t = copy[locale];
  const until = formatDateTime(unlockAt, locale);
  return (
    <EmailLayout locale={locale} preview={t.blocked(until)} heading={t.subject}>
      <Text style={paragraph}>{t.greeting(name)}</Text>
      <Text style={paragraph}>{t.attempts}</Text>
      <Text style={paragraph}>
        <strong>{t.blocked(until)}</strong>
      </Text>
      <Text style={paragraph}>{t.ifYou}</Text>
      <Text style={paragraph}>{t.ifNotYou}</Text>
    </EmailLayout>
  );
}

export const loginLocked: EmailTemplate<"login-locked"> = {
  subject: (_props, locale) => copy[locale].subject,
  Component: LoginLockedEmail,
};
