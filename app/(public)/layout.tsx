import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoutButton } from "@/components/layout/logout-button";
import { MainNav } from "@/components/layout/main-nav";
import { PublicNav } from "@/components/layout/public-nav";
import { SiteShell } from "@/components/layout/site-shell";
import { getViewer } from "@/lib/auth/session";

/** Pages open to everyone (Paga fattura, Lista Pagamenti, help); a logged-in customer keeps the area's navigation. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [viewer, t, tLogin] = await Promise.all([getViewer(), getTranslations("app"), getTranslations("login")]);
  return (
    <SiteShell
      nav={viewer ? <MainNav /> : <PublicNav />}
      tools={
        viewer ? (
          <>
            <span className="who">{t("loggedInAs", { name: viewer.username })}</span>
            <LogoutButton />
          </>
        ) : (
          <Link href="/login">{tLogin("submit")}</Link>
        )
      }
    >
      {children}
    </SiteShell>
  );
}
