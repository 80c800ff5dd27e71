import { Text } from "@react-email/components";
import type { SecurityChange } from "../../account-catalog";
import type { EmailProps } from "../../catalog";
import type { EmailLocale, EmailTemplate } from "../../types";
import { formatDateTime } from "../format";
import { EmailLayout, paragraph } from "../layout";

const changes: Record<EmailLocale, Record<SecurityChange, (detail?: string) => string>> = {
  it: {
    "password-changed": () => "la password del tuo account è stata cambiata. Gli altri dispositivi collegati sono stati disconnessi.",
    "password-reset": (d) =>
      "la password del tuo account è stata reimpostata con il collegamento «Password dimenticata?». Tutti i dispositivi collegati sono stati disconnessi." +
      (d ? ` Per sicurezza sono state rimosse anche le passkey (${d}): se erano tue, aggiungile di nuovo da «Il mio account».` : ""),
    "totp-enabled": () => "la verifica in due passaggi con app di autenticazione è stata attivata.",
    "totp-disabled": () => "la verifica in due passaggi con app di autenticazione è stata disattivata.",
    "recovery-codes-renewed": () => "sono stati generati nuovi codici di recupero: quelli di prima non valgono più.",
    "passkey-added": (d) => `è stata aggiunta la passkey «${d ?? ""}» al tuo account.`,
    "passkey-removed": (d) => `la passkey «${d ?? ""}» è stata rimossa dal tuo account.`,
    "signed-out-everywhere": () => "tutti i dispositivi collegati al tuo account sono stati disconnessi.",
  },
  en: {
    "password-changed": () => "your account's password was changed. The other devices signed in were signed out.",
    "password-reset": (d) =>
      "your account's password was reset with the “Forgot your password?” link. Every device signed in was signed out." +
      (d ? ` For safety the passkeys (${d}) were removed too: if they were yours, add them again under “My account”.` : ""),
    "totp-enabled": () => "two-step verification with an authenticator app was turned on.",
    "totp-disabled": () => "two-step verification with an authenticator app was turned off.",
    "recovery-codes-renewed": () => "new recovery codes were generated: the previous ones no longer work.",
    "passkey-added": (d) => `the passkey “${d ?? ""}” was added to your account.`,
    "passkey-removed": (d) => `the passkey “${d ?? ""}” was removed from your account.`,
    "signed-out-everywhere": () => "every device signed in to your account was signed out.",
  },
};

const copy = {
  it: {
    subject: "Modifica alla sicurezza del tuo account",
    greeting: (name: string) => `Gentile ${name},`,
    when: (w: string) => `Data: ${w}.`,
    ifNot: "Se non sei stato tu, cambia subito la password (o usa «Password dimenticata?» dalla pagina di accesso) e contatta l'assistenza.",
    newDeviceSubject: "Nuovo accesso al tuo account",
    newDevice: (device: string, ip: string, w: string) => `il ${w} è stato effettuato un accesso al tuo account da un dispositivo che non avevamo mai visto: ${device}, indirizzo IP ${ip}.`,
    viaPec: (a: string) => `L'accesso è stato fatto con la password della casella PEC ${a}.`,
    manage: "Puoi vedere i dispositivi collegati e disconnetterli da «Il mio account» › Dispositivi connessi.",
    blockedSubject: "Qualcuno conosce la password del tuo account",
    blocked: (w: string, until: string) => `il ${w} qualcuno ha inserito la password giusta del tuo account e poi troppi codici sbagliati della verifica in due passaggi: per sicurezza la verifica è bloccata fino al ${until}.`,
    blockedAdvice: "La verifica in due passaggi ha fermato l'accesso, ma la password è nota a qualcun altro: cambiala subito da «Il mio account» (o con «Password dimenticata?» dalla pagina di accesso) e controlla i dispositivi connessi.",
  },
  en: {
    subject: "A security change on your account",
    greeting: (name: string) => `Dear ${name},`,
    when: (w: string) => `Date: ${w}.`,
    ifNot: "If this was not you, change your password right away (or use “Forgot your password?” on the sign-in page) and contact support.",
    newDeviceSubject: "New sign-in to your account",
    newDevice: (device: string, ip: string, w: string) => `on ${w} someone signed in to your account from a device we had never seen: ${device}, IP address ${ip}.`,
    viaPec: (a: string) => `The sign-in used the password of the PEC mailbox ${a}.`,
    manage: "You can see the devices signed in and sign them out under “My account” › Devices signed in.",
    blockedSubject: "Someone knows your account's password",
    blocked: (w: string, until: string) => `on ${w} someone entered your account's right password and then too many wrong two-step verification codes: for safety the verification is blocked until ${until}.`,
    blockedAdvice: "Two-step verification stopped the sign-in, but someone else knows your password: change it right away under “My account” (or with “Forgot your password?” on the sign-in page) and check the devices signed in.",
  },
} satisfies Record<EmailLocale, unknown>;

function SecurityChangeEmail(p: EmailProps<"security-change"> & { locale: EmailLocale }) {
  const t = copy[p.locale];
  const body = changes[p.locale][p.change](p.detail);
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.subject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      <Text style={paragraph}>{t.when(formatDateTime(p.at, p.locale))}</Text>
      <Text style={paragraph}>{t.ifNot}</Text>
    </EmailLayout>
  );
}

function NewDeviceEmail(p: EmailProps<"new-device-sign-in"> & { locale: EmailLocale }) {
  const t = copy[p.locale];
  const body = t.newDevice(p.device, p.ip, formatDateTime(p.at, p.locale));
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.newDeviceSubject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      {p.pecAddress ? <Text style={paragraph}>{t.viaPec(p.pecAddress)}</Text> : null}
      <Text style={paragraph}>{t.manage}</Text>
      <Text style={paragraph}>{t.ifNot}</Text>
    </EmailLayout>
  );
}

export const securityChange: EmailTemplate<"security-change"> = { subject: (_p, locale) => copy[locale].subject, Component: SecurityChangeEmail };
export const newDeviceSignIn: EmailTemplate<"new-device-sign-in"> = { subject: (_p, locale) => copy[locale].newDeviceSubject, Component: NewDeviceEmail };

function SecondStepBlockedEmail(p: EmailProps<"second-step-blocked"> & { locale: EmailLocale }) {
  const t = copy[p.locale];
  const body = t.blocked(formatDateTime(p.at, p.locale), formatDateTime(p.unlockAt, p.locale));
  return (
    <EmailLayout locale={p.locale} preview={body} heading={t.blockedSubject}>
      <Text style={paragraph}>{t.greeting(p.name)}</Text>
      <Text style={paragraph}>{body}</Text>
      <Text style={paragraph}>{t.blockedAdvice}</Text>
    </EmailLayout>
  );
}

export const secondStepBlocked: EmailTemplate<"second-step-blocked"> = { subject: (_p, locale) => copy[locale].blockedSubject, Component: SecondStepBlockedEmail };
