import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import type { PaymentMethods } from "@/lib/cards/payment-methods";
import { cardExpiry, cardLabel } from "@/lib/cards/queries";

/** The saved cards, with "Usa per i rinnovi" (not on the renewal card) and "Rimuovi" on each. */
export async function CardsTable({ cards }: { cards: PaymentMethods["cards"] }) {
  const t = await getTranslations("cards");
  const tm = await getTranslations("cardManage");
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("card")}</th>
            <th scope="col">{t("expiry")}</th>
            <th scope="col">{t("holder")}</th>
            <th scope="col">{t("renewals")}</th>
            <th scope="col">{tm("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {cards.map((c) => (
            <tr key={c.id}>
              <th scope="row">{cardLabel(c)}</th>
              <td>{cardExpiry(c)}</td>
              <td>{c.holder}</td>
              <td>{c.paysRenewals ? <Badge tone={c.expiresBeforeRenewal ? "warn" : "ok"}>{t("paysRenewals")}</Badge> : null}</td>
              <td>
                <span style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
                  {c.paysRenewals ? null : (
                    <ButtonLink href={`/metodi-di-pagamento/${c.id}/rinnovi`} variant="secondary" size="small" aria-label={tm("useForRenewalsLabel", { card: cardLabel(c) })}>
                      {tm("useForRenewals")}
                    </ButtonLink>
                  )}
                  <ButtonLink href={`/metodi-di-pagamento/${c.id}/rimuovi`} variant="ghost" size="small" aria-label={tm("removeLabel", { card: cardLabel(c) })}>
                    {tm("remove")}
                  </ButtonLink>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
