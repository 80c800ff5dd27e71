import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="contenuto">
      <title>{t("notFoundTitle")}</title>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFound")}</p>
      <p><Link href="/">{t("goHome")}</Link></p>
    </main>
  );
}
