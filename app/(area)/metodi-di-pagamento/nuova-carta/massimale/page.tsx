import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireAccountViewer } from "@/lib/auth/session";
import { getNewCardSetup } from "@/lib/cards/verify";
import { addCardAction } from "../../actions";
import { CeilingConsentText, errorCode } from "../../ceiling-consent";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cardManage"))("ceilingTitle") };
}

/** The new card will pay an active automatic renewal: the ceiling consent first (§3.5). */
export default async function NewCardCeilingPage({ searchParams }: Props) {
  const setup = await getNewCardSetup(await requireAccountViewer("/metodi-di-pagamento"));
  if (setup.ceilingCents === null) redirect("/metodi-di-pagamento/nuova-carta");
  const [t, query] = await Promise.all([getTranslations("cardManage"), searchParams]);
  const error = errorCode(query.errore);
  return (
    <>
      <p><Link href="/metodi-di-pagamento/nuova-carta">{t("newTitle")}</Link></p>
      <h1>{t("ceilingTitle")}</h1>
      {error ? <Alert tone="danger">{t(`errors.${error}`)}</Alert> : null}
      <section className="card" aria-labelledby="importo">
        <CeilingConsentText amountCents={setup.ceilingCents} headingId="importo" />
        <form action={addCardAction}>
          <input type="hidden" name="rinnovi" value="1" />
          <input type="hidden" name="consenso" value="1" />
          <input type="hidden" name="importo" value={setup.ceilingCents} />
          <SubmitButton pendingLabel={t("processing")}>{t("authorize")}</SubmitButton>
        </form>
      </section>
    </>
  );
}
