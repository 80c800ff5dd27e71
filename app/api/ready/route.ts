import { configuredGatewayName } from "@/lib/gateway/name";
import { isDemo } from "@/lib/ops/demo";
import { checkReadiness } from "@/lib/ops/readiness";

/** Readiness: 200 when the database answers and is migrated, 503 otherwise (load balancers stop sending traffic). */
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  // The bank in use, so that a deployment can be checked from outside (and a demo says it is one).
  const bank = { gateway: configuredGatewayName(), ...(isDemo() ? { demo: true } : {}) };
  return Response.json({ status: readiness.ready ? "ready" : "unavailable", ...readiness.checks, ...bank }, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
