import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { cardExpiry, cardLabel } from "@/lib/cards/queries";
import { formatMoney } from "@/lib/money";
import { isPayable } from "@/lib/orders/state";
import { getCheckout } from "@/lib/payments/checkout";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pay"))("stepMethod") };
}

/** Step 1: Carta di credito, with the saved cards and Nuova carta (PRODUCT.md §3.3). */
export default async function PayOrderPage({ params, searchParams }: Props) {
  const checkout = await getCheckout(await requireViewer(), (await params).id);
  if (!checkout) notFound();
  const { order, cards } = checkout;
  const [t, tOrder, query] = await Promise.all([getTranslations("pay"), getTranslations("order"), searchParams]);
  const head = (
    <>
      <p><Link href={`/ordini/${order.id}`}>{tOrder("title", { number: order.number })}</Link></p>
      <h1>{t("title", { number: order.number })}</h1>
    </>
  );
  if (!isPayable(order.status)) {
    return <>{head}<Alert tone="warn">{order.status === "PAID" ? t("alreadyPaid") : t("notPayable")}</Alert></>;
  }
  return (
    <>
      {head}
      {query.errore === "carta" ? <Alert tone="danger">{t("invalidCard")}</Alert> : null}
      <p>{t("amountDue")}: <strong>{formatMoney(order.totalCents)}</strong></p>
      <form method="get" action={`/ordini/${order.id}/paga/riepilogo`} className="card">
        <fieldset>
          <legend>{t("stepMethod")}</legend>
          <label className="choice">
            <input type="radio" name="metodo" value="carta" defaultChecked required /> {t("creditCard")}
          </label>
        </fieldset>
        <p className="muted">{checkout.accountLogin ? t("renewalNotice") : t("mailboxNotice")}</p>
        {cards.length > 0 ? (
          <div className="field">
            <label htmlFor="carta">{t("savedCard")}</label>
            <select id="carta" name="carta" defaultValue={checkout.renewalCardId ?? cards[0].id}>
              {cards.map((c) => (
                <option key={c.id} value={c.id}>{t("cardOption", { card: cardLabel(c), expiry: cardExpiry(c) })}</option>
              ))}
              <option value="nuova">{t("newCard")}</option>
            </select>
          </div>
        ) : (
          <>
            <input type="hidden" name="carta" value="nuova" />
            <p>{t("newCardHelp")}</p>
          </>
        )}
        <Button type="submit">{t("continue")}</Button>
      </form>
    </>
  );
}
