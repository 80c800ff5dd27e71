/** Next.js calls this once when a server starts (never in the browser). */
export async function register() {
  // Only the Node.js server runs jobs, and `next build` must never open the database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // A production start on the sandbox bank, without Stripe's keys or the provider's identity
  // stops here with the reasons, not at the first payment.
  const { refuseToStartIfMisconfigured } = await import("./lib/ops/start-guard");
  refuseToStartIfMisconfigured();
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  startInProcessWorker();
}
