import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HeaderMenu } from "./header-menu";
import { LanguageSwitch } from "./language-switch";

/**
 * Header, skip link and footer shared by the login page and the area. With a navigation, the
 * navigation and the tools fold behind "Menu" on a phone (HeaderMenu); without one (login, the
 * mailbox) the few tools simply wrap under the name.
 */
export async function SiteShell({ nav, tools, children }: { nav?: React.ReactNode; tools?: React.ReactNode; children: React.ReactNode }) {
  const t = await getTranslations("app");
  const headerTools = (
    <div className="header-tools">
      <LanguageSwitch />
      {tools}
    </div>
  );
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
          {nav ? (
            <HeaderMenu label={t("menu")}>
              {nav}
              {headerTools}
            </HeaderMenu>
          ) : (
            headerTools
          )}
        </div>
      </header>
      <main id="contenuto" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">{t("footer")}</footer>
    </>
  );
}
