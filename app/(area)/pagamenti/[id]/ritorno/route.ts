import { notFound, redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { handlePaymentReturn } from "@/lib/payments/notifications";

// Where the bank sends the browser back. The query is checked but never trusted: the bank is
// asked, then the customer sees the outcome page.
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await ctx.params;
  const result = await handlePaymentReturn({ paymentId: id, customerId: viewer.customerId, query: new URL(request.url).searchParams });
  if (!result) notFound();
  redirect(`/ordini/${result.orderId}/paga/esito?pagamento=${id}`);
}
