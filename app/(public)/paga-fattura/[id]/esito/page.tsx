import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { confirmAttempt } from "@/lib/attempts";
import { invoicePaymentSummaryPath, PAY_INVOICE_PATH } from "@/lib/invoice-payments/paths";
import { getInvoicePaymentView } from "@/lib/invoice-payments/queries";
import { formatMoney } from "@/lib/money";
import { log } from "@/lib/ops/log";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payInvoice"))("title") };
}

const knownReasons = [
  "declined", "insufficient_funds", "expired_card", "authentication_required", "authentication_failed", "authentication_abandoned", "invalid_card",
  "not_sent", "expired", "invoice_paid", "invoice_changed", "refunded_duplicate", "amount_mismatch",
] as const;

/** Esito: the outcome of one attempt; while the bank has not answered, it asks again and refreshes. */
export default async function InvoicePaymentResultPage({ params }: Props) {
  const [{ id }, t] = await Promise.all([params, getTranslations("payInvoice")]);
  let p = await getInvoicePaymentView(id);
  if (!p) notFound();
  if (p.onSummary) redirect(invoicePaymentSummaryPath(p.id));
  if (p.status !== "SUCCEEDED" && p.status !== "FAILED") {
    await confirmAttempt(p.id).catch((error) => log("invoice-payments").error({ err: error, invoicePaymentId: id }, "confirm on result page failed"));
    p = (await getInvoicePaymentView(id))!;
  }

  if (p.status === "SUCCEEDED") {
    return (
      <>
        <title>{t("result.okTitle")}</title>
        <h1>{t("result.okTitle")}</h1>
        <Alert tone="ok">
          <p>{t("result.ok", { amount: formatMoney(p.amountCents), number: p.invoice.number })}</p>
          {p.cardBrand && p.cardLast4 ? <p>{t("result.card", { card: `${p.cardBrand} •••• ${p.cardLast4}` })}</p> : null}
          <p>
            <strong>{t("result.receipt", { email: p.receiptEmail })}</strong>
          </p>
        </Alert>
        <p className="muted">
          {t("result.receiptHelp")} <Link href="/assistenza/richiesta?destinatario=amministrazione">{t("result.toSupport")}</Link>
        </p>
        {p.stillOwedCents > 0 ? (
          <Alert tone="warn">
            <p>{t("result.stillOwed", { amount: formatMoney(p.stillOwedCents) })}</p>
            <p>{t("result.stillOwedHow")}</p>
            <p><ButtonLink href={`${PAY_INVOICE_PATH}?numero=${encodeURIComponent(p.invoice.number)}`}>{t("result.payVat")}</ButtonLink></p>
          </Alert>
        ) : null}
      </>
    );
  }
  if (p.status === "FAILED") {
    const reason = knownReasons.find((r) => r === p.failureReason) ?? "other";
    return (
      <>
        <title>{t("result.failedTitle")}</title>
        <h1>{t("result.failedTitle")}</h1>
        <Alert tone="danger">
          <p>{t(`reasons.${reason}`)}</p>
          {p.refundOwed && reason !== "refunded_duplicate" && reason !== "amount_mismatch" ? <p>{t("result.refundOwed")}</p> : null}
          <p>{t("result.failedInvoice", { number: p.invoice.number })}</p>
        </Alert>
        <p>{t("result.restartText")}</p>
        <p>
          <ButtonLink href={PAY_INVOICE_PATH}>{t("result.restart")}</ButtonLink>
        </p>
      </>
    );
  }
  return (
    <>
      <meta httpEquiv="refresh" content="2" />
      <title>{t("result.pendingTitle")}</title>
      <h1>{t("result.pendingTitle")}</h1>
      <Alert>{t("result.pending")}</Alert>
    </>
  );
}
