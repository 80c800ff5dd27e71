import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/layout/logout-button";
import { MainNav } from "@/components/layout/main-nav";
import { SiteShell } from "@/components/layout/site-shell";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default async function AreaLayout({ children }: { children: React.ReactNode }) {
  const [viewer, t] = await Promise.all([requireViewer(), getTranslations("app")]);
  return (
    <SiteShell
      nav={<MainNav />}
      tools={
        <>
          <span className="who">{t("loggedInAs", { name: viewer.username })}</span>
          <LogoutButton />
        </>
      }
    >
      <ClientMessages namespaces={["pay", "renewal", "renewalSwitch", "service"]}>{children}</ClientMessages>
    </SiteShell>
  );
}
