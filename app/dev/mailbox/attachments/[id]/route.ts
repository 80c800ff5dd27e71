import { devToolsEnabled } from "@/lib/demo/dev-tools";
import { getMailboxAttachment } from "@/lib/email";

/** Development only, like the mailbox: downloads a file delivered with a local mailbox message. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!devToolsEnabled()) return new Response("Not found", { status: 404 });
  const attachment = await getMailboxAttachment((await params).id);
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/[^\w.\-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
