import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { requireViewer } from "@/lib/auth/session";
import { listInvoices } from "@/lib/invoices/queries";
import { InvoicesTable } from "./invoices-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("title") };
}

export default async function InvoicesPage() {
  const viewer = await requireViewer();
  const [t, invoices] = await Promise.all([getTranslations("invoices"), listInvoices(viewer)]);
  // A PEC-mailbox login keeps the menu entry but sees why the account's invoices are not here.
  if (viewer.pecServiceId) {
    return (
      <>
        <h1>{t("title")}</h1>
        <Alert>{t("pecLogin")}</Alert>
      </>
    );
  }
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        <p className="muted" role="status">{t("count", { count: invoices.length })}</p>
      </div>
      {invoices.length > 0 ? <InvoicesTable invoices={invoices} /> : <p>{t("empty")}</p>}
    </>
  );
}
