import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LineItems } from "@/components/line-items";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { cardExpiry, cardLabel } from "@/lib/cards/queries";
import { formatMoney } from "@/lib/money";
import { payOrderAction } from "../actions";
import { loadCheckoutStep } from "../checkout-step";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pay"))("summaryTitle") };
}

/** Step 2: Riepilogo ordine, then the ceiling step when it applies, else the payment. */
export default async function OrderSummaryPage(props: Props) {
  const { checkout, cartaParam, savedCard, consent, base } = await loadCheckoutStep(props);
  const { order } = checkout;
  const [t, query] = await Promise.all([getTranslations("pay"), props.searchParams]);
  return (
    <>
      <p><Link href={base}>{t("back")}</Link></p>
      <h1>{t("summaryTitle")}</h1>
      {query.massimale === "cambiato" && consent ? <Alert tone="warn">{t("ceilingChanged", { amount: formatMoney(consent.amountCents) })}</Alert> : null}
      <section className="card" aria-labelledby="riepilogo">
        <h2 id="riepilogo">{t("title", { number: order.number })}</h2>
        <LineItems kind="order" caption={t("summaryTitle")} lines={order.items} totals={order} />
        <p>
          {t("paymentCard")}: <strong>{savedCard ? t("cardOption", { card: cardLabel(savedCard), expiry: cardExpiry(savedCard) }) : t("newCardSummary")}</strong>
        </p>
        <p className="muted">{checkout.accountLogin ? t("renewalNotice") : t("mailboxNotice")}</p>
        {consent?.ask ? (
          <ButtonLink href={`${base}/massimale?carta=${cartaParam}`}>{t("continue")}</ButtonLink>
        ) : (
          <form action={payOrderAction}>
            <input type="hidden" name="orderId" value={order.id} />
            <input type="hidden" name="carta" value={cartaParam} />
            {consent ? (
              <>
                <p>{t("consentNotice", { amount: formatMoney(consent.amountCents) })}</p>
                <input type="hidden" name="massimale" value={consent.amountCents} />
              </>
            ) : null}
            <SubmitButton pendingLabel={t("processing")}>{t("continue")}</SubmitButton>
          </form>
        )}
      </section>
    </>
  );
}
