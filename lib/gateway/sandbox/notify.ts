import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { enqueueJob, type JobHandler } from "@/lib/jobs";
import { merchantUrl } from "../input-checks";
import { signNotification } from "./signing";

export type NotificationBody = {
  /** Stays the same across retries of one notification: the area refuses it the second time. */
  id: string;
  kind: "session" | "charge";
  ref: string;
  merchantRef: string;
  status: "succeeded" | "failed";
};

export type GatewayNotifyPayload = NotificationBody & { notifyUrl: string };

// Registered here rather than in lib/jobs/types.ts, so the queue does not depend on the bank.
declare module "@/lib/jobs/types" {
  interface JobPayloads {
    "gateway.notify": GatewayNotifyPayload;
  }
}

/**
 * Queues the server-to-server notification of a final outcome, in the transaction that reached
 * it: no outcome without its notification, and at most one notification per session or charge.
 */
export async function enqueueNotification(tx: Tx, target: { kind: NotificationBody["kind"]; ref: string; merchantRef: string; notifyUrl: string | null; succeeded: boolean }) {
  if (!target.notifyUrl) return;
  const payload: GatewayNotifyPayload = {
    id: `evt_${randomBytes(16).toString("hex")}`,
    kind: target.kind,
    ref: target.ref,
    merchantRef: target.merchantRef,
    status: target.succeeded ? "succeeded" : "failed",
    notifyUrl: target.notifyUrl,
  };
  await enqueueJob(tx, { type: "gateway.notify", payload, uniqueKey: `gateway.notify:${target.kind}:${target.ref}` });
}

/** A relative notifyUrl is a path of the merchant's own site (the area, in this product). */
export function resolveNotifyUrl(notifyUrl: string, env: Record<string, string | undefined> = process.env): string {
  return merchantUrl(notifyUrl, env);
}

/**
 * The `gateway.notify` job: POSTs the signed notification. Each attempt is signed afresh (a retry
 * an hour later must still pass the receiver's freshness check); a non-2xx answer or a network
 * error throws, so the queue retries with backoff.
 */
export const sendGatewayNotification: JobHandler<"gateway.notify"> = async ({ notifyUrl, ...notification }) => {
  const body = JSON.stringify({ id: notification.id, kind: notification.kind, ref: notification.ref, merchantRef: notification.merchantRef, status: notification.status });
  const timestamp = String(Math.floor(now().getTime() / 1000));
  const url = resolveNotifyUrl(notifyUrl);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-gateway-timestamp": timestamp, "x-gateway-signature": signNotification(timestamp, body) },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`Notification ${notification.id} to ${url} answered HTTP ${response.status}`);
};
