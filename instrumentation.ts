/** Next.js calls this once when a server starts (never in the browser). */
export async function register() {
  // Only the Node.js server runs jobs, and `next build` must never open the database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A misconfigured PAYMENT_GATEWAY stops the server now, not at the first payment.
  const { configuredGatewayName } = await import("./lib/gateway");
  configuredGatewayName();
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  startInProcessWorker();
}
