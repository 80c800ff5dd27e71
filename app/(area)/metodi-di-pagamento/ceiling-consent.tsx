import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";

/** The consent text of PRODUCT.md §3.5, as on the payment flow's step; the form's button says "authorise". */
export async function CeilingConsentText({ amountCents, headingId }: { amountCents: number; headingId: string }) {
  const t = await getTranslations("cardManage");
  return (
    <>
      <p>{t("ceilingIntro")}</p>
      <h2 id={headingId}>{t("ceilingAmount", { amount: formatMoney(amountCents) })}</h2>
      <p className="muted">{t("ceilingExplain")}</p>
    </>
  );
}

/** An error code from the query, if it is one of ours: never echoes what the URL says. */
export function errorCode(value: string | string[] | undefined) {
  const known = ["too_many_verifications", "ceiling_changed", "renewal_card_in_use", "replacement_not_found", "generic"] as const;
  return known.find((k) => k === value) ?? null;
}
