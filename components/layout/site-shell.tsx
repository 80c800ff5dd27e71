import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

/** Header, skip link and footer shared by the login page and the area. */
export async function SiteShell({ nav, tools, children }: { nav?: React.ReactNode; tools?: React.ReactNode; children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <>
      <a className="skip-link" href="#contenuto">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="inner">
          <Link href="/" className="brand">
            {t("name")}
          </Link>
          {nav}
          <div className="header-tools">
            <LanguageSwitch />
            {tools}
          </div>
        </div>
      </header>
      <main id="contenuto" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">{t("footer")}</footer>
    </>
  );
}
