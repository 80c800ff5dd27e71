import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

/**
 * Frame of the Manuale d'uso and FAQ pages. Their long text is Italian only (the product's
 * language): marked lang="it", with a note when the interface is in English.
 */
export async function HelpPage({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("support"), getLocale()]);
  return (
    <>
      <p>
        <Link href="/assistenza">{t("back")}</Link>
      </p>
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {locale !== "it" ? <p className="muted">{t("italianOnly")}</p> : null}
      <div lang="it">{children}</div>
    </>
  );
}
