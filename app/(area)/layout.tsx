import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/layout/logout-button";
import { MainNav } from "@/components/layout/main-nav";
import { SiteShell } from "@/components/layout/site-shell";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  const [viewer, t, tAccount] = await Promise.all([requireViewer(), getTranslations("app"), getTranslations("account")]);
  return (
    <SiteShell
      nav={<MainNav />}
      tools={
        <>
          <span className="who">{t("loggedInAs", { name: viewer.username })}</span>
          <Link href="/il-mio-account">{tAccount("title")}</Link>
          <LogoutButton />
        </>
      }
    >
      <ClientMessages namespaces={["pay", "renewal", "renewalSwitch", "service"]}>{children}</ClientMessages>
    </SiteShell>
  );
}
