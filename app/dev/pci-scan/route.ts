import { devToolsEnabled } from "@/lib/demo/dev-tools";
import { scanDatabaseForCardNumbers } from "@/lib/demo/pci-scan";

export async function GET() {
  if (!devToolsEnabled()) return new Response("Not found", { status: 404 });
  return Response.json({ matches: await scanDatabaseForCardNumbers() });
}
