export { queueEmail, EMAIL_MAX_ATTEMPTS, type QueueEmailInput } from "./outbox";
export { listMailbox, getMailboxMessage } from "./mailbox";
export type { EmailProps, EmailTemplateName } from "./catalog";
export type { EmailAttachment, EmailLocale, MailboxEntry, OutgoingEmail } from "./types";
