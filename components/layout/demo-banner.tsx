import { getTranslations } from "next-intl/server";
import { isDemo } from "@/lib/ops/demo";

/**
 * On every page of a declared demo (AREA_DEMO=1): the bank is the sandbox and nothing is paid.
 * A named region, not an alert: it is read in order and never takes the focus.
 */
export async function DemoBanner() {
  if (!isDemo()) return null;
  const t = await getTranslations("demo");
  return (
    <div role="region" aria-label={t("label")} className="demo-banner">
      <p>
        <strong>{t("title")}</strong> {t("text")}
      </p>
    </div>
  );
}
