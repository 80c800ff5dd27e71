import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { GwSession } from "@/lib/db/generated/client";
import { now } from "@/lib/clock";
import type { DeclineReason } from "../types";
import { decideHosted } from "./behaviour";
import { enqueueNotification } from "./notify";
import { challengeDeadline, LostRace, sessionCard, sessionChargeKey, transition, vaultCard, type Found } from "./store";

/**
 * Every move of a session or charge to another state. Each one is a conditional update on the
 * state it starts from, inside a transaction with everything that goes with it (the charge, the
 * vaulted card, the notification): of two requests racing for the same move (a double click on
 * "Invio dati", the OTP sent twice, "Annulla" against "Conferma") exactly one wins, the other
 * changes nothing and returns false. Locks are always taken charge first, then session.
 */

const notifySession = (tx: Tx, s: GwSession, succeeded: boolean) =>
  enqueueNotification(tx, { kind: "session", ref: s.id, merchantRef: s.merchantRef, notifyUrl: s.notifyUrl, succeeded });

/** "Invio dati": decides the card entered at "Procedi" and records the charge (or the challenge). */
export function confirmSession(sessionId: string): Promise<boolean> {
  const at = now();
  return transition(async (tx) => {
    const session = await tx.gwSession.findUnique({ where: { id: sessionId } });
    if (!session || session.status !== "CONFIRMING" || session.expiresAt <= at) throw new LostRace();
    const decision = decideHosted(session.cardBehaviour);
    const final = decision.status !== "CHALLENGE";
    const failureReason = decision.status === "FAILED" ? decision.reason : null;
    // The card is saved only when the session succeeds (after the challenge, for 3-D Secure cards),
    // and only if the merchant asked to keep it.
    const cardToken = decision.status === "SUCCEEDED" && session.saveCard ? await vaultCard(tx, sessionCard(session)) : null;
    const chargeId = randomUUID();
    const { count } = await tx.gwSession.updateMany({
      where: { id: sessionId, status: "CONFIRMING", expiresAt: { gt: at } },
      data: { status: decision.status, chargeId, cardToken, failureReason, completedAt: final ? at : null },
    });
    if (count === 0) throw new LostRace();
    await tx.gwCharge.create({
      data: {
        id: chargeId,
        idempotencyKey: sessionChargeKey(sessionId),
        merchantRef: session.merchantRef,
        cardToken,
        amountCents: session.amountCents,
        currency: session.currency,
        initiator: session.kind === "VERIFY" ? "VERIFY" : "CIT",
        status: decision.status === "CHALLENGE" ? "REQUIRES_ACTION" : decision.status,
        failureReason,
        otpAttempts: 0,
        createdAt: at,
        completedAt: final ? at : null,
      },
    });
    if (final) await notifySession(tx, session, decision.status === "SUCCEEDED");
  });
}

/** Ends a session that never reached "Invio dati": abandoned by the customer, or expired. */
export function endOpenSession(sessionId: string, status: "FAILED" | "EXPIRED"): Promise<boolean> {
  const at = now();
  return transition(async (tx) => {
    const { count } = await tx.gwSession.updateMany({
      where: { id: sessionId, status: { in: ["OPEN", "CONFIRMING"] }, ...(status === "EXPIRED" ? { expiresAt: { lte: at } } : {}) },
      data: { status, failureReason: "authentication_abandoned", completedAt: at },
    });
    if (count === 0) throw new LostRace();
    await notifySession(tx, await tx.gwSession.findUniqueOrThrow({ where: { id: sessionId } }), false);
  });
}

export type ChallengeResult =
  | { ok: true; otpTried: true }
  | { ok: false; reason: DeclineReason; otpTried: boolean; expired?: boolean };

/**
 * Ends a 3-D Secure challenge, of a hosted session or of a saved-card charge: the right OTP
 * (before the deadline) succeeds, anything else fails it; expiry and "Annulla" abandon it.
 */
export function endChallenge(chargeId: string, result: ChallengeResult): Promise<boolean> {
  const at = now();
  return transition(async (tx) => {
    const charge = await tx.gwCharge.findUnique({ where: { id: chargeId } });
    if (!charge || charge.status !== "REQUIRES_ACTION") throw new LostRace();
    const session = await tx.gwSession.findUnique({ where: { chargeId } });
    if (result.ok && !session && challengeDeadline(charge) <= at) throw new LostRace();
    const cardToken = result.ok && session ? (session.saveCard ? await vaultCard(tx, sessionCard(session)) : null) : charge.cardToken;
    const failureReason = result.ok ? null : result.reason;
    const otpAttempts = { increment: result.otpTried ? 1 : 0 };
    const moved = await tx.gwCharge.updateMany({
      where: { id: chargeId, status: "REQUIRES_ACTION" },
      data: { status: result.ok ? "SUCCEEDED" : "FAILED", cardToken, failureReason, otpAttempts, completedAt: at },
    });
    if (moved.count === 0) throw new LostRace();
    if (session) {
      const { count } = await tx.gwSession.updateMany({
        where: { id: session.id, status: "CHALLENGE", ...(result.ok ? { expiresAt: { gt: at } } : {}) },
        data: { status: result.ok ? "SUCCEEDED" : result.expired ? "EXPIRED" : "FAILED", cardToken, failureReason, otpAttempts, completedAt: at },
      });
      if (count === 0) throw new LostRace();
      await notifySession(tx, session, result.ok);
    } else {
      await enqueueNotification(tx, { kind: "charge", ref: charge.id, merchantRef: charge.merchantRef, notifyUrl: charge.notifyUrl, succeeded: result.ok });
    }
  });
}

/**
 * The bank's clock runs out on unfinished sessions and challenges when anyone looks at them
 * (getOutcome, the pages): there is no timer to wait for, and the outcome is final from then on.
 */
export async function settleIfDue(found: Found): Promise<boolean> {
  const at = now();
  const abandoned = { ok: false, reason: "authentication_abandoned", otpTried: false, expired: true } as const;
  if (found.session) {
    const s = found.session;
    if (s.expiresAt > at) return false;
    if (s.status === "OPEN" || s.status === "CONFIRMING") return endOpenSession(s.id, "EXPIRED");
    if (s.status === "CHALLENGE" && s.chargeId) return endChallenge(s.chargeId, abandoned);
    return false;
  }
  const c = found.charge;
  if (c.status !== "REQUIRES_ACTION") return false;
  // A hosted session's challenge lapses with its session.
  const session = await db.gwSession.findUnique({ where: { chargeId: c.id } });
  if (session) return settleIfDue({ session });
  return challengeDeadline(c) <= at ? endChallenge(c.id, abandoned) : false;
}
