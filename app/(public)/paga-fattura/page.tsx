import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PayInvoiceForm } from "./pay-invoice-form";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payInvoice"))("title") };
}

// A link in the invoice e-mail may carry ?numero=: it fills the invoice number, nothing else.
function invoiceNumberParam(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && /^[A-Za-z0-9/-]{1,40}$/.test(value.trim()) ? value.trim() : undefined;
}

/** Paga fattura, step one: the invoice's data and the payer's. */
export default async function PayInvoicePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [t, params] = await Promise.all([getTranslations("payInvoice"), searchParams]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <ClientMessages namespaces={["payInvoice"]}>
        <PayInvoiceForm invoiceNumber={invoiceNumberParam(params.numero)} />
      </ClientMessages>
    </>
  );
}
