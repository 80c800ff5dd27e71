import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { GwCard, GwCharge, GwSession } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/db/ids";
import { now } from "@/lib/clock";
import { providerIdentity } from "@/lib/provider";
import type { CardDetails, GatewayLookup } from "../types";

/** The one merchant this sandbox bank serves, shown on its pages: the deployment's provider. */
export const merchantName = () => providerIdentity().name;
/** A hosted session, and a saved-card charge waiting for 3-D Secure, end after this long. */
export const SESSION_TTL_MS = 15 * 60_000;

export const payPath = (sessionId: string) => `/gateway/pay/${sessionId}`;
export const challengePath = (chargeId: string) => `/gateway/challenge/${chargeId}`;
/** The idempotency key of the charge a hosted session makes (its own namespace: "gw-session:"). */
export const sessionChargeKey = (sessionId: string) => `gw-session:${sessionId}`;

/** When a standalone charge's challenge lapses; a session's challenge lapses with the session. */
export const challengeDeadline = (charge: Pick<GwCharge, "createdAt">) => new Date(charge.createdAt.getTime() + SESSION_TTL_MS);

export type Found = { session: GwSession; charge?: undefined } | { charge: GwCharge; session?: undefined };

/**
 * A session or a charge: by the merchant's idempotency key when given (what the merchant stored
 * before its first call, so it finds what that call made, sessions first), else by id.
 */
export async function findByLookup(lookup: GatewayLookup): Promise<Found | null> {
  if ("idempotencyKey" in lookup && lookup.idempotencyKey) {
    const key = lookup.idempotencyKey;
    const session = await db.gwSession.findUnique({ where: { idempotencyKey: key } });
    if (session) return { session };
    const charge = await db.gwCharge.findUnique({ where: { idempotencyKey: key } });
    if (charge) return { charge };
  }
  const sessionId = "sessionId" in lookup ? lookup.sessionId : null;
  if (sessionId) {
    const session = isUuid(sessionId) ? await db.gwSession.findUnique({ where: { id: sessionId } }) : null;
    if (session) return { session };
  }
  const chargeId = "chargeId" in lookup ? lookup.chargeId : null;
  if (chargeId) {
    const charge = isUuid(chargeId) ? await db.gwCharge.findUnique({ where: { id: chargeId } }) : null;
    if (charge) return { charge };
  }
  return null;
}

/** Thrown inside a transaction when a conditional update finds the row already moved on. */
export class LostRace extends Error {}

/** Runs `fn` in a transaction; false (and nothing written) if it lost a race to another request. */
export async function transition(fn: (tx: Tx) => Promise<void>): Promise<boolean> {
  try {
    await db.$transaction(fn);
    return true;
  } catch (error) {
    if (error instanceof LostRace) return false;
    throw error;
  }
}

export type VaultInput = Pick<GwCard, "merchantCustomerRef" | "fingerprint" | "brand" | "last4" | "expMonth" | "expYear" | "holder" | "behaviour">;

/**
 * Saves a card for a customer and returns its token. The same number saved again by the same
 * customer keeps its token (the unique fingerprint decides, also between concurrent requests) and
 * takes the newly entered expiry and holder, as when a renewed card is entered.
 */
export async function vaultCard(tx: Tx, card: VaultInput): Promise<string> {
  const [created] = await tx.gwCard.createManyAndReturn({
    data: [{ ...card, token: `tok_${randomBytes(16).toString("hex")}`, createdAt: now() }],
    skipDuplicates: true,
    select: { token: true },
  });
  if (created) return created.token;
  const existing = await tx.gwCard.findUniqueOrThrow({
    where: { merchantCustomerRef_fingerprint: { merchantCustomerRef: card.merchantCustomerRef, fingerprint: card.fingerprint } },
  });
  if (existing.expMonth !== card.expMonth || existing.expYear !== card.expYear || existing.holder !== card.holder) {
    await tx.gwCard.update({ where: { id: existing.id }, data: { expMonth: card.expMonth, expYear: card.expYear, holder: card.holder } });
  }
  return existing.token;
}

/** The card as entered on a session's page (masked columns), to vault it once it succeeds. */
export function sessionCard(session: GwSession): VaultInput {
  const { cardFingerprint, cardBrand, cardLast4, cardExpMonth, cardExpYear, cardHolder, cardBehaviour } = session;
  if (!cardFingerprint || !cardBrand || !cardLast4 || !cardExpMonth || !cardExpYear || !cardHolder || !cardBehaviour) {
    throw new Error(`Gateway session ${session.id} has no card details`);
  }
  return {
    merchantCustomerRef: session.merchantCustomerRef,
    fingerprint: cardFingerprint,
    brand: cardBrand,
    last4: cardLast4,
    expMonth: cardExpMonth,
    expYear: cardExpYear,
    holder: cardHolder,
    behaviour: cardBehaviour,
  };
}

export function cardDetails(token: string | null, card: Pick<GwCard, "brand" | "last4" | "expMonth" | "expYear" | "holder">): CardDetails {
  return { token, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear, holder: card.holder };
}
