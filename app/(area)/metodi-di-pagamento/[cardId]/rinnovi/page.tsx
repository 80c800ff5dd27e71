import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireAccountViewer } from "@/lib/auth/session";
import { getRenewalCardChoice } from "@/lib/cards/card-choices";
import { cardLabel } from "@/lib/cards/queries";
import { setRenewalCardAction } from "../../actions";
import { CeilingConsentText, errorCode } from "../../ceiling-consent";

type Props = { params: Promise<{ cardId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cardManage"))("renewalTitle") };
}

/** "Usa per i rinnovi": with an active renewal this replaces the payment method, hence the ceiling. */
export default async function RenewalCardPage({ params, searchParams }: Props) {
  const viewer = await requireAccountViewer("/metodi-di-pagamento");
  const [{ cardId }, query] = await Promise.all([params, searchParams]);
  const choice = await getRenewalCardChoice(viewer, cardId);
  if (!choice) notFound();
  const t = await getTranslations("cardManage");
  const card = cardLabel(choice.card);
  const error = errorCode(query.errore);
  const cancel = <ButtonLink href="/metodi-di-pagamento" variant="secondary">{t("cancel")}</ButtonLink>;
  return (
    <>
      <h1>{t("renewalTitle")}</h1>
      {error ? <Alert tone="danger">{t(`errors.${error}`)}</Alert> : null}
      {choice.isRenewalCard ? (
        <>
          <Alert>{t("renewalAlready", { card })}</Alert>
          <p><ButtonLink href="/metodi-di-pagamento">{t("back")}</ButtonLink></p>
        </>
      ) : (
        <section className="card" aria-labelledby="scelta">
          <p id="scelta">{t("renewalConfirm", { card })}</p>
          {choice.ceilingCents !== null ? <CeilingConsentText amountCents={choice.ceilingCents} headingId="importo" /> : <p className="muted">{t("renewalNoActive")}</p>}
          <form action={setRenewalCardAction} className="actions-row">
            <input type="hidden" name="cardId" value={choice.card.id} />
            {choice.ceilingCents !== null ? (
              <>
                <input type="hidden" name="consenso" value="1" />
                <input type="hidden" name="importo" value={choice.ceilingCents} />
              </>
            ) : null}
            <SubmitButton pendingLabel={t("processing")}>{choice.ceilingCents !== null ? t("authorize") : t("confirm")}</SubmitButton>
            {cancel}
          </form>
        </section>
      )}
    </>
  );
}
