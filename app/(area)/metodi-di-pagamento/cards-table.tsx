import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Cell, Row, RowHeader, StackTable } from "@/components/ui/table";
import type { PaymentMethods } from "@/lib/cards/payment-methods";
import { cardExpiry, cardLabel } from "@/lib/cards/queries";

/** The saved cards, with "Usa per i rinnovi" (not on the renewal card) and "Rimuovi" on each. */
export async function CardsTable({ cards }: { cards: PaymentMethods["cards"] }) {
  const t = await getTranslations("cards");
  const tm = await getTranslations("cardManage");
  return (
    <StackTable columns={[{ label: t("card") }, { label: t("expiry") }, { label: t("holder") }, { label: t("renewals") }, { label: tm("actions") }]}>
      {cards.map((c) => (
        <Row key={c.id}>
          <RowHeader>{cardLabel(c)}</RowHeader>
          <Cell label={t("expiry")}>{cardExpiry(c)}</Cell>
          <Cell label={t("holder")}>{c.holder}</Cell>
          <Cell label={t("renewals")}>{c.paysRenewals ? <Badge tone={c.expiresBeforeRenewal ? "warn" : "ok"}>{t("paysRenewals")}</Badge> : null}</Cell>
          <Cell>
            <span className="actions-row">
              {c.paysRenewals ? null : (
                <ButtonLink href={`/metodi-di-pagamento/${c.id}/rinnovi`} variant="secondary" size="small" aria-label={tm("useForRenewalsLabel", { card: cardLabel(c) })}>
                  {tm("useForRenewals")}
                </ButtonLink>
              )}
              <ButtonLink href={`/metodi-di-pagamento/${c.id}/rimuovi`} variant="ghost" size="small" aria-label={tm("removeLabel", { card: cardLabel(c) })}>
                {tm("remove")}
              </ButtonLink>
            </span>
          </Cell>
        </Row>
      ))}
    </StackTable>
  );
}
