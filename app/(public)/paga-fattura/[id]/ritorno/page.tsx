import { notFound, redirect } from "next/navigation";
import { handleInvoicePaymentReturn } from "@/lib/invoice-payments/confirm";
import { invoicePaymentResultPath } from "@/lib/invoice-payments/paths";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where the bank sends the browser back. The query is checked but never trusted: the bank is
// asked, then the payer sees the outcome. A page, so that a bad link gets the "not found" page.
export default async function InvoicePaymentReturnPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const view = await handleInvoicePaymentReturn({ invoicePaymentId: id, query: search });
  if (!view) notFound();
  redirect(invoicePaymentResultPath(id));
}
