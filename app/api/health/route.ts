/** Liveness: the process answers. It touches nothing else, so a slow database never restarts it. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
