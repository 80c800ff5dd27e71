import type { ReactElement } from "react";
import type { AppLocale } from "@/lib/i18n/config";
import type { EmailProps, EmailTemplateName } from "./catalog";

export type EmailLocale = AppLocale;

export type EmailAttachment = {
  filename: string;
  /** File content, base64-encoded. */
  contentBase64: string;
  contentType?: string;
};

/** One e-mail ready to hand to a transport. */
export type OutgoingEmail = {
  /** The outbox row: also the idempotency key at the provider. */
  emailId: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
};

export type MailboxEntry = {
  id: string;
  emailId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  receivedAt: Date;
};

/** A template: its subject and body in each locale, and the files it attaches, if any. */
export type EmailTemplate<N extends EmailTemplateName> = {
  subject: (props: EmailProps<N>, locale: EmailLocale) => string;
  Component: (props: EmailProps<N> & { locale: EmailLocale }) => ReactElement;
  /** Built when the e-mail is sent (e.g. a receipt's PDF), so the outbox row stays small. */
  attachments?: (props: EmailProps<N>, locale: EmailLocale) => Promise<EmailAttachment[]>;
};
