import { getViewer } from "@/lib/auth/session";
import { getOwnedReceiptPdf } from "@/lib/receipts/download";

/** The quietanza of a paid invoice, for the customer who owns the invoice; 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; receiptId: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Not found", { status: 404 });
  const { id, receiptId } = await params;
  const file = await getOwnedReceiptPdf({ viewer, invoiceId: id, receiptId });
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(file.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
