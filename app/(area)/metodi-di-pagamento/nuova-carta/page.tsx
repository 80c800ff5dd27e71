import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireAccountViewer } from "@/lib/auth/session";
import { getNewCardSetup } from "@/lib/cards/verify";
import { addCardAction } from "../actions";
import { errorCode } from "../ceiling-consent";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cardManage"))("newTitle") };
}

/** Aggiungi una carta: whether it pays renewals, then Prosegui (the ceiling step when it applies). */
export default async function NewCardPage({ searchParams }: Props) {
  const setup = await getNewCardSetup(await requireAccountViewer("/metodi-di-pagamento"));
  const [t, query] = await Promise.all([getTranslations("cardManage"), searchParams]);
  const error = errorCode(query.errore);
  return (
    <>
      <p><Link href="/metodi-di-pagamento">{t("back")}</Link></p>
      <h1>{t("newTitle")}</h1>
      {error ? <Alert tone="danger">{t(`errors.${error}`)}</Alert> : null}
      <form action={addCardAction} className="card">
        <p>{t("newIntro")}</p>
        <label className="choice field">
          <input type="checkbox" name="rinnovi" value="1" defaultChecked={setup.forRenewalsByDefault} /> {t("forRenewalsCheckbox")}
        </label>
        <SubmitButton pendingLabel={t("processing")}>{t("continue")}</SubmitButton>
      </form>
    </>
  );
}
