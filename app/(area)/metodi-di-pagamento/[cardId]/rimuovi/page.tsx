import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireAccountViewer } from "@/lib/auth/session";
import { getCardRemoval } from "@/lib/cards/card-choices";
import { cardExpiry, cardLabel } from "@/lib/cards/queries";
import { removeCardAction } from "../../actions";
import { CeilingConsentText, errorCode } from "../../ceiling-consent";

type Props = { params: Promise<{ cardId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cardManage"))("removeTitle") };
}

const row = { display: "flex", gap: "0.75rem", flexWrap: "wrap" } as const;

/**
 * "Rimuovi": a plain confirmation, or, for the card behind active automatic renewals, the refusal
 * with its reason and the two ways out in the same step (another card, or renewals off).
 */
export default async function RemoveCardPage({ params, searchParams }: Props) {
  const viewer = await requireAccountViewer("/metodi-di-pagamento");
  const [{ cardId }, query] = await Promise.all([params, searchParams]);
  const removal = await getCardRemoval(viewer, cardId);
  if (!removal) notFound();
  const [t, tPay] = await Promise.all([getTranslations("cardManage"), getTranslations("pay")]);
  const card = cardLabel(removal.card);
  const error = errorCode(query.errore);
  const cancel = <ButtonLink href="/metodi-di-pagamento" variant="secondary">{t("cancel")}</ButtonLink>;
  const hidden = <input type="hidden" name="cardId" value={removal.card.id} />;

  if (!removal.blocked) {
    return (
      <>
        <h1>{t("removeTitle")}</h1>
        {error ? <Alert tone="danger">{t(`errors.${error}`)}</Alert> : null}
        <section className="card" aria-labelledby="conferma">
          <p id="conferma">{t("removeConfirm", { card })}</p>
          <form action={removeCardAction} style={row}>
            {hidden}
            <input type="hidden" name="scelta" value="rimuovi" />
            <SubmitButton pendingLabel={t("processing")}>{t("removeButton")}</SubmitButton>
            {cancel}
          </form>
        </section>
      </>
    );
  }

  const services = removal.renewingServices.join(", ");
  const alone = removal.otherCards.length === 0;
  return (
    <>
      <h1>{t("removeTitle")}</h1>
      {error && error !== "renewal_card_in_use" ? <Alert tone="danger">{t(`errors.${error}`)}</Alert> : null}
      <Alert tone="warn">{alone ? t("removeRefused", { card, services }) : t("removeNeedsChoice", { card, services })}</Alert>
      {alone ? (
        <p><ButtonLink href="/metodi-di-pagamento/nuova-carta" variant="secondary">{t("addOther")}</ButtonLink></p>
      ) : (
        <section className="card" aria-labelledby="sostituisci">
          <h2 id="sostituisci">{t("replaceTitle")}</h2>
          <form action={removeCardAction}>
            {hidden}
            <input type="hidden" name="scelta" value="sostituisci" />
            <div className="field">
              <label htmlFor="sostituta">{t("replacementLabel")}</label>
              <select id="sostituta" name="sostituta">
                {removal.otherCards.map((c) => (
                  <option key={c.id} value={c.id}>{tPay("cardOption", { card: cardLabel(c), expiry: cardExpiry(c) })}</option>
                ))}
              </select>
            </div>
            {removal.ceilingCents !== null ? (
              <>
                <CeilingConsentText amountCents={removal.ceilingCents} headingId="importo" />
                <input type="hidden" name="consenso" value="1" />
                <input type="hidden" name="importo" value={removal.ceilingCents} />
              </>
            ) : null}
            <SubmitButton pendingLabel={t("processing")}>{t("authorizeAndRemove")}</SubmitButton>
          </form>
        </section>
      )}
      <section className="card" aria-labelledby="disattiva">
        <h2 id="disattiva">{t("switchOffTitle")}</h2>
        <p>{t("switchOffExplain")}</p>
        <form action={removeCardAction} style={row}>
          {hidden}
          <input type="hidden" name="scelta" value="disattiva" />
          <SubmitButton pendingLabel={t("processing")}>{t("switchOffAndRemove")}</SubmitButton>
          {cancel}
        </form>
      </section>
    </>
  );
}
