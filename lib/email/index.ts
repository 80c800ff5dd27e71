export { queueEmail, emailIdFor, EMAIL_MAX_ATTEMPTS, type QueueEmailAttachment, type QueueEmailInput } from "./outbox";
export { listMailbox, getMailboxMessage, listMailboxAttachments, getMailboxAttachment, type MailboxAttachment } from "./mailbox";
export type { EmailProps, EmailTemplateName } from "./catalog";
export type { EmailAttachment, EmailLocale, MailboxEntry, OutgoingEmail } from "./types";
