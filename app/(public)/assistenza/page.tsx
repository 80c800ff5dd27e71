import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("title") };
}

export default async function SupportIndexPage() {
  const t = await getTranslations("support");
  const sections = [
    { href: "/assistenza/richiesta", title: t("requestTitle"), text: t("requestText") },
    { href: "/assistenza/manuale", title: t("manualTitle"), text: t("manualText") },
    { href: "/assistenza/faq", title: t("faqTitle"), text: t("faqText") },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <nav aria-label={t("sectionsNav")}>
        <ul className="grid-2" style={{ listStyle: "none", padding: 0 }}>
          {sections.map((s) => (
            <li key={s.href} className="card">
              <h2>
                <Link href={s.href}>{s.title}</Link>
              </h2>
              <p>{s.text}</p>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
