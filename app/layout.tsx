import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DemoBanner } from "@/components/layout/demo-banner";
import "./globals.css";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s – ${t("name")}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <DemoBanner />
        <ClientMessages>{children}</ClientMessages>
      </body>
    </html>
  );
}
