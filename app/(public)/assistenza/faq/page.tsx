import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { HelpPage } from "../help-page";
import { faqs } from "./questions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("faq.title") };
}

export default async function FaqPage() {
  const t = await getTranslations("support");
  return (
    <HelpPage title={t("faq.title")} intro={t("faq.intro")}>
      <p>
        Per le istruzioni dettagliate consulta il <Link href="/assistenza/manuale">Manuale d&apos;uso</Link>.
      </p>
      {faqs.map((f) => (
        <details key={f.id} id={f.id} className="card faq">
          <summary>
            <strong>{f.question}</strong>
          </summary>
          <p>{f.answer}</p>
        </details>
      ))}
    </HelpPage>
  );
}
