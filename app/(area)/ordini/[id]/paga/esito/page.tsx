import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { cardLabel } from "@/lib/cards/queries";
import { formatMoney } from "@/lib/money";
import { confirmAttempt } from "@/lib/attempts";
import { getPaymentResult } from "@/lib/payments/queries";
import { log } from "@/lib/ops/log";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const knownReasons = ["declined", "insufficient_funds", "expired_card", "authentication_required", "authentication_failed", "authentication_abandoned", "invalid_card", "not_sent", "refunded_duplicate", "amount_mismatch"] as const;

/** The outcome of one attempt; while the bank has not answered, it asks again and refreshes. */
export default async function PaymentResultPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const paymentId = typeof query.pagamento === "string" ? query.pagamento : "";
  let payment = await getPaymentResult(viewer, id, paymentId);
  if (!payment) notFound();
  if (payment.status !== "SUCCEEDED" && payment.status !== "FAILED") {
    await confirmAttempt(payment.id).catch((error) => log("payments").error({ err: error, paymentId }, "confirm on result page failed"));
    payment = (await getPaymentResult(viewer, id, paymentId))!;
  }
  const [t, tReason, format] = await Promise.all([getTranslations("pay"), getTranslations("declineReason"), getFormatter()]);
  const { order } = payment;
  const links = (
    <p className="actions-row">
      <ButtonLink href="/" variant="secondary">{t("toServices")}</ButtonLink>
      <ButtonLink href={`/ordini/${order.id}`} variant="secondary">{t("toOrder")}</ButtonLink>
    </p>
  );

  if (payment.status === "SUCCEEDED") {
    const service = order.service;
    return (
      <>
        <title>{t("resultTitleOk")}</title>
        <h1>{t("resultTitleOk")}</h1>
        <Alert tone="ok">
          <p>{t("resultOk", { number: order.number, amount: formatMoney(payment.amountCents), card: payment.card ? cardLabel(payment.card) : "" })}</p>
          <p>{t("resultEmail")}</p>
          {payment.mailboxLogin ? <p>{t("resultMailbox")}</p> : null}
          {!payment.mailboxLogin && service?.autoRenewal && service.expiresAt ? <p>{t("resultRenewal", { service: service.name, date: format.dateTime(service.expiresAt, { dateStyle: "long" }) })}</p> : null}
        </Alert>
        {links}
      </>
    );
  }
  if (payment.status === "FAILED") {
    const reason = knownReasons.find((r) => r === payment.failureReason) ?? "other";
    return (
      <>
        <title>{t("resultTitleFailed")}</title>
        <h1>{t("resultTitleFailed")}</h1>
        <Alert tone="danger">
          <p>{tReason(reason)}</p>
          {reason === "refunded_duplicate" ? null : <p>{t(payment.refund ? "resultStillAwaitingRefund" : "resultStillAwaiting", { number: order.number })}</p>}
        </Alert>
        <p className="actions-row">
          {payment.cardId ? <ButtonLink href={`/ordini/${order.id}/paga/riepilogo?carta=${payment.cardId}`}>{t("retry")}</ButtonLink> : <ButtonLink href={`/ordini/${order.id}/paga/riepilogo?carta=nuova`}>{t("retry")}</ButtonLink>}
          <ButtonLink href={`/ordini/${order.id}/paga`} variant="secondary">{t("otherCard")}</ButtonLink>
        </p>
      </>
    );
  }
  return (
    <>
      <meta httpEquiv="refresh" content="2" />
      <title>{t("resultTitlePending")}</title>
      <h1>{t("resultTitlePending")}</h1>
      <Alert>{t("resultPending")}</Alert>
      {links}
    </>
  );
}
