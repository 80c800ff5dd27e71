import "server-only";
import { createEmailSendHandler } from "@/lib/email/send-job";
import { registerJobHandler } from "./registry";

/**
 * The handlers a worker process runs. Kept out of `lib/jobs/index.ts`: code that only enqueues
 * (actions, use cases) must not load the e-mail renderer.
 */
export function registerDefaultJobHandlers() {
  registerJobHandler("email.send", createEmailSendHandler());
}
