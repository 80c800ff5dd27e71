import { TIME_ZONE } from "@/lib/i18n/config";
import type { EmailLocale } from "../types";

const intlLocale: Record<EmailLocale, string> = { it: "it-IT", en: "en-GB" };
const italianTime: Record<EmailLocale, string> = { it: "ora italiana", en: "Italian time" };

/** "12 marzo 2026 alle ore 14:30 (ora italiana)": e-mails always show the time in Europe/Rome. */
export function formatDateTime(iso: string, locale: EmailLocale) {
  const formatted = new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    dateStyle: "long",
    timeStyle: "short",
  }).format(new Date(iso));
  return `${formatted} (${italianTime[locale]})`;
}
