import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import type { Viewer } from "@/lib/auth/session";
import { confirmAttempt } from "@/lib/attempts";
import { cardLabel, findOwnCardLabel, getVerificationResult } from "@/lib/cards/queries";
import { log } from "@/lib/ops/log";

type Query = Record<string, string | string[] | undefined>;
const reasons = ["declined", "insufficient_funds", "expired_card", "authentication_required", "authentication_failed", "authentication_abandoned", "invalid_card", "not_sent"] as const;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/**
 * What the customer just did, from the query (`?verifica=`, `?esito=`): only ids, looked up among
 * the viewer's own rows. A verification still open is asked to the bank before it is shown.
 */
export async function loadOutcome(viewer: Viewer, query: Query) {
  if (query.verifica) {
    let v = await getVerificationResult(viewer.customerId, one(query.verifica));
    if (v && v.status !== "SUCCEEDED" && v.status !== "FAILED") {
      await confirmAttempt(v.id).catch((error) => log("cards").error({ err: error, verificationId: query.verifica }, "confirm on payment methods failed"));
      v = await getVerificationResult(viewer.customerId, v.id);
    }
    return v ? ({ kind: "verification", ...v } as const) : null;
  }
  const esito = one(query.esito);
  if (esito !== "rimossa" && esito !== "rinnovi") return null;
  const card = await findOwnCardLabel(viewer.customerId, one(query.carta));
  if (!card) return null;
  return esito === "rimossa" ? ({ kind: "rimossa", card, switchedOff: query.rinnovi === "disattivati" } as const) : ({ kind: "rinnovi", card } as const);
}

export async function Outcome({ outcome }: { outcome: Awaited<ReturnType<typeof loadOutcome>> }) {
  if (!outcome) return null;
  const t = await getTranslations("cardManage");
  if (outcome.kind === "rimossa") return <Alert tone="ok">{t(outcome.switchedOff ? "outcomeRemovedSwitchedOff" : "outcomeRemoved", { card: outcome.card })}</Alert>;
  if (outcome.kind === "rinnovi") return <Alert tone="ok">{t("outcomeRenewalCard", { card: outcome.card })}</Alert>;
  if (outcome.status === "SUCCEEDED" && outcome.card) {
    return <Alert tone="ok">{t(outcome.forRenewals ? "outcomeAddedRenewals" : "outcomeAdded", { card: cardLabel(outcome.card) })}</Alert>;
  }
  if (outcome.status === "FAILED") {
    const reason = reasons.find((r) => r === outcome.failureReason) ?? "other";
    return (
      <Alert tone="danger">
        <p><strong>{t("outcomeFailedTitle")}</strong></p>
        <p>{t(`reason.${reason}`)}</p>
        <p><ButtonLink href="/metodi-di-pagamento/nuova-carta">{t("retry")}</ButtonLink></p>
      </Alert>
    );
  }
  return (
    <>
      <meta httpEquiv="refresh" content="2" />
      <Alert>{t("outcomePending")}</Alert>
    </>
  );
}
