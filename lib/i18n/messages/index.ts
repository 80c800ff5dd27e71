import type { AppLocale } from "../config";

/**
 * The interface texts, one file per feature and locale (`<locale>/<feature>.json`), each holding
 * its own top-level namespaces. A new feature adds its two files and one name here.
 */
export const messageFiles = ["core", "invoices", "payInvoice", "paymentsList", "backoffice", "demo", "account"] as const;

export type Messages = Record<string, Record<string, unknown>>;

// Merged once per locale and process: every request asks (lib/i18n/request.ts), and merging the
// seven files' dynamic imports on each one cost about 2 % of the server's CPU under load.
const loaded = new Map<AppLocale, Promise<Messages>>();

export function loadMessages(locale: AppLocale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = Promise.all(messageFiles.map((file) => import(`./${locale}/${file}.json`) as Promise<{ default: Messages }>)).then((parts) => Object.assign({}, ...parts.map((part) => part.default)));
    // A failed import is tried again by the next request rather than kept.
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}
