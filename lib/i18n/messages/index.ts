import type { AppLocale } from "../config";

/**
 * The interface texts, one file per feature and locale (`<locale>/<feature>.json`), each holding
 * its own top-level namespaces. A new feature adds its two files and one name here.
 */
export const messageFiles = ["core", "invoices", "payInvoice", "paymentsList", "backoffice", "demo", "account"] as const;

export type Messages = Record<string, Record<string, unknown>>;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  const parts = await Promise.all(messageFiles.map((file) => import(`./${locale}/${file}.json`) as Promise<{ default: Messages }>));
  return Object.assign({}, ...parts.map((part) => part.default));
}
