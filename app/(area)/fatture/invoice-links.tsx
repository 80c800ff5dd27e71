import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

/** The PDF is a download (route handler), not a page: a plain link, never prefetched. */
export async function DownloadPdfLink({ invoice, size = "small" }: { invoice: { id: string; number: string }; size?: "small" | "normal" }) {
  const t = await getTranslations("invoices");
  return (
    <a href={`/fatture/${invoice.id}/pdf`} download={`${invoice.number}.pdf`} className={`btn btn-secondary${size === "small" ? " btn-small" : ""}`} aria-label={t("downloadLabel", { number: invoice.number })}>
      {t("download")}
    </a>
  );
}

/** Paga fattura is public and asks for the other data itself: only the number is carried over. */
export async function PayInvoiceLink({ invoice, size = "small" }: { invoice: { number: string }; size?: "small" | "normal" }) {
  const t = await getTranslations("invoices");
  return (
    <ButtonLink href={`/paga-fattura?numero=${encodeURIComponent(invoice.number)}`} size={size} aria-label={t("payLabel", { number: invoice.number })}>
      {t("pay")}
    </ButtonLink>
  );
}
