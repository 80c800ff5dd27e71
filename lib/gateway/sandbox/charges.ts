import "server-only";
import { db, type Tx } from "@/lib/db";
import type { GwCard } from "@/lib/db/generated/client";
import { now } from "@/lib/clock";
import { GatewayError } from "../errors";
import { checkSavedCardChargeInput, checkText } from "../input-checks";
import type { CardDetails, PaymentOutcome, SavedCardChargeInput } from "../types";
import { behaviourOf, decideSaved, type Decision } from "./behaviour";
import { brandOf, cardDigits, isExpired, passesLuhn } from "./card-input";
import { getOutcome } from "./outcome";
import { cardFingerprint } from "./secret";
import { cardDetails, vaultCard } from "./store";

function decide(card: GwCard | null, input: SavedCardChargeInput): Decision {
  // A token is good only for the customer it was saved for.
  if (!card || card.merchantCustomerRef !== input.merchantCustomerRef) return { status: "FAILED", reason: "invalid_card" };
  const initiator = input.initiator;
  // A saved card is checked against its expiry at every charge, as an issuer would.
  if (isExpired(card, now())) return { status: "FAILED", reason: "expired_card" };
  return decideSaved(card.behaviour, initiator);
}

/**
 * Charges a saved card. The outcome is immediate, except a CIT charge of a 3-D Secure card,
 * which waits for the customer on the challenge page. The charge row is written once, whatever
 * the outcome, in one INSERT … ON CONFLICT DO NOTHING on the unique idempotency key: concurrent
 * calls with one key make one charge, and all of them return its outcome.
 */
export async function chargeSavedCard(input: SavedCardChargeInput): Promise<PaymentOutcome> {
  checkSavedCardChargeInput(input);

  const card = await db.gwCard.findUnique({ where: { token: input.cardToken } });
  const decision = decide(card, input);
  const at = now();
  const final = decision.status !== "CHALLENGE";
  const [created] = await db.gwCharge.createManyAndReturn({
    data: [
      {
        idempotencyKey: input.idempotencyKey,
        merchantRef: input.merchantRef,
        cardToken: input.cardToken,
        amountCents: input.amountCents,
        currency: input.currency,
        initiator: input.initiator,
        status: final ? decision.status : "REQUIRES_ACTION",
        failureReason: decision.status === "FAILED" ? decision.reason : null,
        returnUrl: input.returnUrl || null,
        notifyUrl: input.notifyUrl || null,
        createdAt: at,
        completedAt: final ? at : null,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  // Decided just now, on this call: the answer is the decision (a replay, or a challenge, asks the store).
  if (created && card && decision.status === "SUCCEEDED") return { status: "succeeded", chargeId: created.id, amountCents: input.amountCents, card: cardDetails(card.token, card) };
  if (created && decision.status === "FAILED") return { status: "failed", reason: decision.reason, chargeId: created.id };
  const charge = created ?? (await db.gwCharge.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }));
  if (!created) {
    const same = await db.gwCharge.count({
      where: { id: charge.id, cardToken: input.cardToken, amountCents: input.amountCents, merchantRef: input.merchantRef, initiator: input.initiator },
    });
    if (!same) throw new GatewayError("idempotency_conflict", "idempotencyKey was already used for a different charge");
  }
  return getOutcome({ chargeId: charge.id });
}

/**
 * Saves a test card without the hosted page: for the demo seed and test fixtures, which need a
 * customer who already has a saved card. The number is used here and forgotten like on the page.
 */
export async function vaultTestCard(input: { merchantCustomerRef: string; number: string; expMonth: number; expYear: number; holder: string }, tx?: Tx): Promise<CardDetails & { token: string }> {
  const digits = cardDigits(input.number);
  const brand = brandOf(digits);
  if (!brand || !passesLuhn(digits)) throw new GatewayError("invalid_request", "not a valid card number of an accepted circuit");
  checkText(input.merchantCustomerRef, "merchantCustomerRef");
  const card = {
    merchantCustomerRef: input.merchantCustomerRef,
    fingerprint: cardFingerprint(digits),
    brand,
    last4: digits.slice(-4),
    expMonth: input.expMonth,
    expYear: input.expYear,
    holder: input.holder.trim(),
    behaviour: behaviourOf(digits),
  };
  // Inside the caller's transaction when given one (demo data and test fixtures), else its own.
  const token = tx ? await vaultCard(tx, card) : await db.$transaction((t) => vaultCard(t, card));
  return { ...cardDetails(token, card), token };
}
