import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Cell, Row, StackTable } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/session";
import { getPaymentMethods } from "@/lib/cards/payment-methods";
import { cardLabel } from "@/lib/cards/queries";
import { formatMoney } from "@/lib/money";
import { CardsTable } from "./cards-table";
import { loadOutcome, Outcome } from "./outcome";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cards"))("title") };
}

export default async function PaymentMethodsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  // A PEC mailbox's login acts on its mailbox only: the account's cards are not its to see.
  if (viewer.pecServiceId) return <PecLoginNotice />;
  // The outcome first: a verification it settles must show up in the list below.
  const outcome = await loadOutcome(viewer, await searchParams);
  const methods = await getPaymentMethods(viewer);
  const [t, tm, format] = await Promise.all([getTranslations("cards"), getTranslations("cardManage"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const expiring = methods.cards.find((c) => c.expiresBeforeRenewal);
  const { ceiling } = methods;
  return (
    <>
      <h1>{t("title")}</h1>
      <Outcome outcome={outcome} />
      {expiring && methods.renewalCharge ? <Alert tone="warn">{t("expiresBeforeRenewal", { card: cardLabel(expiring), date: day(methods.renewalCharge) })}</Alert> : null}
      <section className="card" aria-labelledby="carte">
        <h2 id="carte">{t("savedCards")}</h2>
        {methods.cards.length === 0 ? <p>{t("noCards")}</p> : <CardsTable cards={methods.cards} />}
        <p><ButtonLink href="/metodi-di-pagamento/nuova-carta">{tm("addCard")}</ButtonLink></p>
      </section>
      <section className="card" aria-labelledby="massimale">
        <h2 id="massimale">{t("ceilingTitle")}</h2>
        <p>{ceiling?.card ? t("ceilingCurrent", { amount: formatMoney(ceiling.amountCents), card: cardLabel(ceiling.card), date: day(ceiling.createdAt) }) : t("ceilingNone")}</p>
        {methods.consents.length > 0 ? (
          <StackTable caption={t("historyTitle")} columns={[{ label: t("date") }, { label: t("amount"), num: true }, { label: t("card") }]}>
            {methods.consents.map((c) => (
              <Row key={c.id}>
                <Cell label={t("date")}>{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Cell>
                <Cell label={t("amount")} num>{formatMoney(c.amountCents)}</Cell>
                <Cell label={t("card")}>{c.card ? cardLabel(c.card) : ""}</Cell>
              </Row>
            ))}
          </StackTable>
        ) : null}
      </section>
    </>
  );
}

async function PecLoginNotice() {
  const [t, tm] = await Promise.all([getTranslations("cards"), getTranslations("cardManage")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{tm("pecLoginNoCards")}</p>
    </>
  );
}
