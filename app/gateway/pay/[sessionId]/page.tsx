import { notFound, redirect } from "next/navigation";
import { loadPaymentPage } from "@/lib/gateway/sandbox/hosted";
import { abandonPayment, editCard, enterCard, sendCard } from "../../actions";
import { ClosedNotice } from "../../_components/closed-notice";
import { SaleSummary } from "../../_components/sale-summary";
import { CardForm } from "./card-form";
import { CardSummary } from "./card-summary";
import styles from "../../gateway.module.css";

type Props = { params: Promise<{ sessionId: string }> };

/** The hosted payment page: card form, then the masked summary, then the bank decides. */
export default async function PayPage({ params }: Props) {
  const { sessionId } = await params;
  const page = await loadPaymentPage(sessionId);
  if (page.state === "not_found") notFound();
  if (page.state === "challenge") redirect(`/gateway/challenge/${page.chargeId}`);
  if (page.state === "closed") return <ClosedNotice closed={page} />;

  const abandon = abandonPayment.bind(null, sessionId);
  return (
    <div className={styles.panel}>
      <h1>{page.sale.kind === "VERIFY" ? "Verifica della carta" : "Pagamento con carta"}</h1>
      <SaleSummary sale={page.sale} />
      {page.state === "form" ? (
        <CardForm enter={enterCard.bind(null, sessionId)} abandon={abandon} />
      ) : (
        <CardSummary card={page.card} send={sendCard.bind(null, sessionId)} edit={editCard.bind(null, sessionId)} abandon={abandon} />
      )}
    </div>
  );
}
