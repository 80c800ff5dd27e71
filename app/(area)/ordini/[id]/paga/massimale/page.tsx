import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatMoney } from "@/lib/money";
import { payOrderAction } from "../actions";
import { loadCheckoutStep } from "../checkout-step";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pay"))("ceilingTitle") };
}

/** Step 3, only when a payment method is added or replaced while a renewal is active (§3.5). */
export default async function CeilingPage(props: Props) {
  const { checkout, cartaParam, consent, base } = await loadCheckoutStep(props);
  if (!consent?.ask) redirect(`${base}/riepilogo?carta=${cartaParam}`);
  const [t, query] = await Promise.all([getTranslations("pay"), props.searchParams]);
  return (
    <>
      <p><Link href={`${base}/riepilogo?carta=${cartaParam}`}>{t("back")}</Link></p>
      <h1>{t("ceilingTitle")}</h1>
      {query.massimale === "cambiato" ? <Alert tone="warn">{t("ceilingChanged", { amount: formatMoney(consent.amountCents) })}</Alert> : null}
      <section className="card" aria-labelledby="massimale">
        <p>{t("ceilingIntro")}</p>
        <h2 id="massimale">{t("ceilingAmount", { amount: formatMoney(consent.amountCents) })}</h2>
        <p className="muted">{t("ceilingExplain")}</p>
        <form action={payOrderAction}>
          <input type="hidden" name="orderId" value={checkout.order.id} />
          <input type="hidden" name="carta" value={cartaParam} />
          <input type="hidden" name="consenso" value="1" />
          <input type="hidden" name="massimale" value={consent.amountCents} />
          <SubmitButton pendingLabel={t("processing")}>{t("authorize")}</SubmitButton>
        </form>
      </section>
    </>
  );
}
