import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { requireViewer } from "@/lib/auth/session";
import { getPaymentMethods } from "@/lib/cards/payment-methods";
import { cardExpiry, cardLabel } from "@/lib/cards/queries";
import { formatMoney } from "@/lib/money";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cards"))("title") };
}

export default async function PaymentMethodsPage() {
  const methods = await getPaymentMethods(await requireViewer());
  const [t, format] = await Promise.all([getTranslations("cards"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const expiring = methods.cards.find((c) => c.expiresBeforeRenewal);
  const { ceiling } = methods;
  return (
    <>
      <h1>{t("title")}</h1>
      {expiring && methods.renewalCharge ? <Alert tone="warn">{t("expiresBeforeRenewal", { card: cardLabel(expiring), date: day(methods.renewalCharge) })}</Alert> : null}
      <section className="card" aria-labelledby="carte">
        <h2 id="carte">{t("savedCards")}</h2>
        {methods.cards.length === 0 ? (
          <p>{t("noCards")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("card")}</th>
                  <th scope="col">{t("expiry")}</th>
                  <th scope="col">{t("holder")}</th>
                  <th scope="col">{t("renewals")}</th>
                </tr>
              </thead>
              <tbody>
                {methods.cards.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{cardLabel(c)}</th>
                    <td>{cardExpiry(c)}</td>
                    <td>{c.holder}</td>
                    <td>{c.paysRenewals ? <Badge tone={c.expiresBeforeRenewal ? "warn" : "ok"}>{t("paysRenewals")}</Badge> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="massimale">
        <h2 id="massimale">{t("ceilingTitle")}</h2>
        <p>{ceiling?.card ? t("ceilingCurrent", { amount: formatMoney(ceiling.amountCents), card: cardLabel(ceiling.card), date: day(ceiling.createdAt) }) : t("ceilingNone")}</p>
        {methods.consents.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption>{t("historyTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("date")}</th>
                  <th scope="col" className="num">{t("amount")}</th>
                  <th scope="col">{t("card")}</th>
                </tr>
              </thead>
              <tbody>
                {methods.consents.map((c) => (
                  <tr key={c.id}>
                    <td>{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="num">{formatMoney(c.amountCents)}</td>
                    <td>{c.card ? cardLabel(c.card) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
