import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadChallengePage } from "@/lib/gateway/sandbox/hosted";
import { cancelChallenge, confirmOtp } from "../../actions";
import { ClosedNotice } from "../../_components/closed-notice";
import { OtpForm } from "../../_components/otp-form";
import { SaleSummary } from "../../_components/sale-summary";
import styles from "../../gateway.module.css";

type Props = { params: Promise<{ chargeId: string }> };

export const metadata: Metadata = { title: "Autenticazione 3-D Secure" };

/** The issuer's 3-D Secure page, for a hosted session's card or a saved card's CIT charge. */
export default async function ChallengePage({ params }: Props) {
  const { chargeId } = await params;
  const page = await loadChallengePage(chargeId);
  if (page.state === "not_found") notFound();
  if (page.state === "closed") return <ClosedNotice closed={page} />;
  return (
    <div className={styles.panel}>
      <h1>Autenticazione 3-D Secure</h1>
      <SaleSummary sale={page.sale} />
      <p className={styles.notice}>
        {page.card ? `Per autorizzare l'operazione con la carta ${page.card.brand} •••• ${page.card.last4}, ` : "Per autorizzare l'operazione, "}
        inserisci il codice che la tua banca ti ha inviato.
      </p>
      <OtpForm confirm={confirmOtp.bind(null, chargeId)} cancel={cancelChallenge.bind(null, chargeId)} />
    </div>
  );
}
