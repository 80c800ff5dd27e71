import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handlePaymentReturn } from "@/lib/payments/returns";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Where the bank sends the browser back. The query is checked but never trusted: the bank is
// asked, then the customer sees the outcome page. A page rather than a route handler, so that a
// bad link gets the area's "not found" page, not an empty error.
export default async function PaymentReturnPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const result = await handlePaymentReturn({ paymentId: id, viewer, query: search });
  if (!result) notFound();
  redirect(`/ordini/${result.orderId}/paga/esito?pagamento=${id}`);
}
