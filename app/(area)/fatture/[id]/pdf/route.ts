import { requireAccountViewer } from "@/lib/auth/session";
import { renderInvoicePdf } from "@/lib/invoices/pdf";
import { getInvoiceForPdf } from "@/lib/invoices/queries";

type Context = { params: Promise<{ id: string }> };

// Only the owner, with an account login; anyone else gets the same 404 as for an id that doesn't exist.
export async function GET(_request: Request, { params }: Context) {
  const invoice = await getInvoiceForPdf(await requireAccountViewer("/fatture"), (await params).id);
  if (!invoice) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const pdf = await renderInvoicePdf(invoice);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${invoice.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
