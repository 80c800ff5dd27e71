import "server-only";
import { createEmailSendHandler } from "@/lib/email/send-job";
import { sendGatewayNotification } from "@/lib/gateway/sandbox";
import { reconcileJob, scheduleReconciliation } from "@/lib/attempts";
import { sendPaymentsListJob } from "@/lib/payments-list/send-job";
import { sendReceiptJob } from "@/lib/receipts/send-job";
import { renewServicesJob, runDailyRenewals, scheduleDailyRenewals } from "@/lib/renewals/job";
import { pruneFinishedJobs, schedulePruning } from "./prune";
import { registerJobBatchHandler, registerJobHandler } from "./registry";

/**
 * The handlers a worker process runs. Kept out of `lib/jobs/index.ts`: code that only enqueues
 * (actions, use cases) must not load the e-mail renderer.
 */
export function registerDefaultJobHandlers() {
  registerJobHandler("email.send", createEmailSendHandler());
  registerJobHandler("payments.reconcile", reconcileJob);
  registerJobHandler("renewals.run", runDailyRenewals);
  // Claimed together, run together: one read, one lock and one insert per batch of services.
  registerJobBatchHandler("renewals.service", renewServicesJob);
  registerJobHandler("receipts.send", sendReceiptJob);
  registerJobHandler("payments-list.send", sendPaymentsListJob);
  // The sandbox bank runs in this process: its notifications go out through the same queue.
  registerJobHandler("gateway.notify", sendGatewayNotification);
  registerJobHandler("jobs.prune", pruneFinishedJobs);
}

/** Recurring jobs enqueue their next run themselves; a worker starting up makes sure one exists. */
export async function scheduleRecurringJobs() {
  await scheduleReconciliation();
  await scheduleDailyRenewals();
  await schedulePruning();
}
