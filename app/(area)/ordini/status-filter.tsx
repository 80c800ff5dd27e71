import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { orderStatuses, type OrderStatusName } from "@/lib/orders/queries";

/** A GET form: the filter lives in the URL, so it can be bookmarked and works without JS. */
export async function StatusFilter({ current }: { current?: OrderStatusName }) {
  const [t, tStatus] = await Promise.all([getTranslations("orders"), getTranslations("orderStatus")]);
  return (
    <form method="get" className="inline-form card" role="search" aria-label={t("filterForm")}>
      <div className="field">
        <label htmlFor="stato">{t("filterLabel")}</label>
        <select id="stato" name="stato" defaultValue={current ?? ""}>
          <option value="">{t("filterAll")}</option>
          {orderStatuses.map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">{t("filterApply")}</Button>
    </form>
  );
}
