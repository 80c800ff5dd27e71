export const locales = ["it", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "it";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const TIME_ZONE = "Europe/Rome";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
