import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getSubmittedRequest } from "@/lib/support/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("sent.title") };
}

export default async function SupportRequestSentPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t] = await Promise.all([params, getTranslations("support")]);
  const request = await getSubmittedRequest(id);
  if (!request) notFound();
  return (
    <>
      <h1>{t("sent.title")}</h1>
      <Alert tone="ok">
        <p>
          <strong>{t("sent.number", { number: request.number })}</strong>
        </p>
        <p>{t("sent.details", { category: t(`categories.${request.category}`), reason: t(`reasons.${request.reason}`) })}</p>
      </Alert>
      <p>{t("sent.text")}</p>
      <p>
        <Link href="/assistenza/richiesta">{t("sent.another")}</Link> · <Link href="/assistenza">{t("back")}</Link>
      </p>
    </>
  );
}
