import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { formatMoney } from "@/lib/money";
import type { FailedRenewal } from "@/lib/renewals/queries";

/** One notice per automatic renewal the engine could not charge, with the way to pay it by hand. */
export async function FailedRenewals({ renewals, now }: { renewals: FailedRenewal[]; now: Date }) {
  if (renewals.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("renewalEngine"), getFormatter()]);
  return (
    <>
      {renewals.map((r) => {
        const expiresAt = r.service?.expiresAt;
        const values = { service: r.service?.name ?? r.number, number: r.number, amount: formatMoney(r.totalCents), date: expiresAt ? format.dateTime(expiresAt, { dateStyle: "long" }) : "—" };
        return (
          <Alert key={r.id} tone="warn">
            {expiresAt && expiresAt <= now ? t("homeNoticeExpired", values) : t("homeNotice", values)}{" "}
            <Link href={`/ordini/${r.id}/paga`} aria-label={t("payLabel", { number: r.number })}>
              {t("pay")}
            </Link>
          </Alert>
        );
      })}
    </>
  );
}
