import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./backoffice.module.css";

/** Previous / next links that keep the other query parameters (filters) as they are. */
export async function Pager({ path, query, page, pages }: { path: string; query: Record<string, string | undefined>; page: number; pages: number }) {
  if (pages <= 1) return null;
  const t = await getTranslations("backoffice.pager");
  const href = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, pagina: String(p) }).filter((e): e is [string, string] => Boolean(e[1])));
    return `${path}?${params}`;
  };
  return (
    <nav className={styles.pager} aria-label={t("label")}>
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : null}
      <span>{t("page", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : null}
    </nav>
  );
}
