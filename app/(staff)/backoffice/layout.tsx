import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { HeaderMenu } from "@/components/layout/header-menu";
import { Alert } from "@/components/ui/alert";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getStaff } from "@/lib/auth/session";
import styles from "./backoffice.module.css";
import { StaffLogoutButton } from "./staff-logout-button";
import { StaffNav } from "./staff-nav";
import { ClientMessages } from "@/lib/i18n/client-messages";

/** The staff's own shell: every page below still checks the staff session itself (requireStaff). */
export default async function BackofficeLayout({ children }: { children: React.ReactNode }) {
  const [staff, t, tApp, tAccount, format] = await Promise.all([getStaff(), getTranslations("backoffice"), getTranslations("app"), getTranslations("accountForms.staffAccount"), getFormatter()]);
  const tools = (
    <div className="header-tools">
      <LanguageSwitch />
      {staff ? (
        <>
          <span className={styles.who}>{t("shell.loggedInAs", { name: staff.username, role: t(`roles.${staff.role}`) })}</span>
          {staff.setupPending ? null : <Link href="/backoffice/account">{tAccount("title")}</Link>}
          <StaffLogoutButton />
        </>
      ) : null}
    </div>
  );
  return (
    <ClientMessages namespaces={["backoffice"]}>
      <a className="skip-link" href="#contenuto">
        {t("shell.skipToContent")}
      </a>
      <header className={styles.header}>
        <div className={`${styles.inner} header-menu-host`}>
          <div className={styles.brandBlock}>
            <Link href="/backoffice" className={styles.brand}>
              {tApp("name")} · {t("shell.brand")}
            </Link>
            <span className={styles.tag}>{t("shell.tag")}</span>
          </div>
          {staff && !staff.setupPending ? (
            <HeaderMenu label={tApp("menu")}>
              <StaffNav administration={staff.role === "AMMINISTRAZIONE"} />
              {tools}
            </HeaderMenu>
          ) : (
            tools
          )}
        </div>
      </header>
      <main id="contenuto" tabIndex={-1}>
        {staff?.secondStepBlockedAt ? <Alert tone="danger">{tAccount("secondStepBlocked", { when: format.dateTime(staff.secondStepBlockedAt, { dateStyle: "medium", timeStyle: "short" }) })}</Alert> : null}
        {children}
      </main>
      <footer className="site-footer">{t("shell.footer")}</footer>
    </ClientMessages>
  );
}
