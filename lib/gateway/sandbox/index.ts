import "server-only";
import type { PaymentGateway } from "../types";
import { chargeSavedCard } from "./charges";
import { cancel, getOutcome } from "./outcome";
import { refund } from "./refunds";
import { createHostedSession } from "./sessions";
import { SESSION_TTL_MS } from "./store";
import { verifyNotification, verifyReturn } from "./signing";

/**
 * The sandbox acquirer: a bank that behaves like a real one (hosted pages, vault, 3-D Secure,
 * signed redirects and notifications) and keeps its state only in its own Gw* tables.
 */
export const sandboxGateway: PaymentGateway = {
  name: "sandbox",
  // A hosted page or a challenge lasts SESSION_TTL_MS; after that nothing can complete.
  lateCompletionMs: SESSION_TTL_MS + 5 * 60_000,
  createHostedSession,
  chargeSavedCard,
  getOutcome,
  cancel,
  refund,
  verifyReturn,
  verifyNotification,
};

export { vaultTestCard } from "./charges";
export { sendGatewayNotification, type GatewayNotifyPayload } from "./notify";
