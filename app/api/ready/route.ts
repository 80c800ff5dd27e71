import { checkReadiness } from "@/lib/ops/readiness";

/** Readiness: 200 when the database answers and is migrated, 503 otherwise (load balancers stop sending traffic). */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json({ status: readiness.ready ? "ready" : "unavailable", ...readiness.checks }, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
