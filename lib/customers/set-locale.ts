import "server-only";
import { db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";

/** The customer's language is also the language of the e-mails we send them. */
export async function setCustomerLocale(opts: { customerId: string; locale: AppLocale }) {
  await db.customer.update({ where: { id: opts.customerId }, data: { locale: opts.locale }, select: { id: true } });
}
