import "server-only";
import { db } from "@/lib/db";
import type { GwCharge, GwSession } from "@/lib/db/generated/client";
import type { DeclineReason, GatewayLookup, PaymentOutcome } from "../types";
import { cardDetails, challengePath, findByLookup, payPath, type Found } from "./store";
import { endChallenge, endOpenSession, settleIfDue } from "./transitions";

const reasonOf = (stored: string | null): DeclineReason => (stored as DeclineReason | null) ?? "declined";

function sessionOutcome(s: GwSession): PaymentOutcome {
  switch (s.status) {
    case "OPEN":
    case "CONFIRMING":
      return { status: "requires_action", redirectUrl: payPath(s.id) };
    case "CHALLENGE":
      return { status: "requires_action", chargeId: s.chargeId ?? undefined, redirectUrl: challengePath(s.chargeId ?? "") };
    case "SUCCEEDED": {
      if (!s.chargeId || (s.saveCard && !s.cardToken) || !s.cardBrand || !s.cardLast4 || !s.cardExpMonth || !s.cardExpYear || !s.cardHolder) {
        throw new Error(`Gateway session ${s.id} succeeded without its charge or card`);
      }
      const card = { brand: s.cardBrand, last4: s.cardLast4, expMonth: s.cardExpMonth, expYear: s.cardExpYear, holder: s.cardHolder };
      return { status: "succeeded", chargeId: s.chargeId, amountCents: s.amountCents, card: cardDetails(s.cardToken, card) };
    }
    case "FAILED":
    case "EXPIRED":
      return { status: "failed", reason: reasonOf(s.failureReason), chargeId: s.chargeId ?? undefined };
  }
}

async function chargeOutcome(c: GwCharge): Promise<PaymentOutcome> {
  switch (c.status) {
    case "REQUIRES_ACTION":
      return { status: "requires_action", chargeId: c.id, redirectUrl: challengePath(c.id) };
    case "FAILED":
      return { status: "failed", reason: reasonOf(c.failureReason), chargeId: c.id };
    case "SUCCEEDED": {
      // A hosted session's charge: the session knows the card, saved or not.
      const session = await db.gwSession.findUnique({ where: { chargeId: c.id } });
      if (session) return sessionOutcome(session);
      const card = c.cardToken ? await db.gwCard.findUnique({ where: { token: c.cardToken } }) : null;
      if (!card) throw new Error(`Gateway charge ${c.id} succeeded without a saved card`);
      return { status: "succeeded", chargeId: c.id, amountCents: c.amountCents, card: cardDetails(card.token, card) };
    }
  }
}

/** Reads the row again after a change, by the same id. */
async function reload(found: Found): Promise<Found> {
  if (found.session) return { session: await db.gwSession.findUniqueOrThrow({ where: { id: found.session.id } }) };
  return { charge: await db.gwCharge.findUniqueOrThrow({ where: { id: found.charge.id } }) };
}

export function outcomeOf(found: Found): Promise<PaymentOutcome> {
  return found.session ? Promise.resolve(sessionOutcome(found.session)) : chargeOutcome(found.charge);
}

/** The bank's answer, after letting its clock end whatever has lapsed. */
export async function getOutcome(lookup: GatewayLookup): Promise<PaymentOutcome> {
  let found = await findByLookup(lookup);
  if (!found) return { status: "not_found" };
  if (await settleIfDue(found)) found = await reload(found);
  return outcomeOf(found);
}

/** Ends whatever is still open for this session or charge; one that succeeded stays succeeded. */
async function endUnfinished(found: Found): Promise<boolean> {
  if (found.session) {
    const s = found.session;
    if (s.status === "OPEN" || s.status === "CONFIRMING") return endOpenSession(s.id, "FAILED");
    if (s.status === "CHALLENGE" && s.chargeId) return endChallenge(s.chargeId, { ok: false, reason: "authentication_abandoned", otpTried: false });
    return true;
  }
  if (found.charge.status !== "REQUIRES_ACTION") return true;
  return endChallenge(found.charge.id, { ok: false, reason: "authentication_abandoned", otpTried: false });
}

/**
 * "Annulla" on the bank's pages, or the merchant giving up. A lost race means the row moved
 * meanwhile (e.g. "Invio dati" turned the session into a challenge): look again and end that,
 * unless it has become final, which then is the answer.
 */
export async function cancel(lookup: GatewayLookup): Promise<PaymentOutcome> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = await findByLookup(lookup);
    if (!found) return { status: "not_found" };
    if (await endUnfinished(found)) break;
  }
  return getOutcome(lookup);
}
