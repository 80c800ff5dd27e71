import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/config";
import { setLocaleAction } from "./actions";

/** Plain form buttons: switching language works without JavaScript too. */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={setLocaleAction} className="lang-switch" aria-label={t("change")}>
      {locales.map((l) => (
        <button key={l} type="submit" name="locale" value={l} lang={l} aria-pressed={l === locale} className="btn btn-ghost btn-small">
          {t(l)}
        </button>
      ))}
    </form>
  );
}
