import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/db/ids";
import { now } from "@/lib/clock";
import { GatewayError } from "../errors";
import { checkHostedSessionInput } from "../input-checks";
import type { HostedSession, HostedSessionInput } from "../types";
import { behaviourOf } from "./behaviour";
import type { CardDetailsEntered } from "./card-input";
import { brandOf } from "./card-input";
import { cardFingerprint } from "./secret";
import { payPath, SESSION_TTL_MS } from "./store";

/**
 * Opens the hosted payment page. The idempotency key is unique in the table: of concurrent
 * requests with one key a single INSERT wins, the others find its row.
 */
export async function createHostedSession(input: HostedSessionInput): Promise<HostedSession> {
  checkHostedSessionInput(input);
  const at = now();
  const [created] = await db.gwSession.createManyAndReturn({
    data: [
      {
        kind: input.kind,
        merchantRef: input.merchantRef,
        merchantCustomerRef: input.merchantCustomerRef,
        amountCents: input.amountCents,
        currency: input.currency,
        returnUrl: input.returnUrl,
        notifyUrl: input.notifyUrl || null,
        idempotencyKey: input.idempotencyKey,
        // A verification exists to save the card.
        saveCard: input.kind === "VERIFY" || input.saveCard,
        createdAt: at,
        expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const session = created ?? (await db.gwSession.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } }));
  if (!created) {
    const same = await db.gwSession.count({
      where: { id: session.id, kind: input.kind, amountCents: input.amountCents, merchantRef: input.merchantRef, merchantCustomerRef: input.merchantCustomerRef },
    });
    if (!same) throw new GatewayError("idempotency_conflict", "idempotencyKey was already used for a different session");
  }
  return { sessionId: session.id, redirectUrl: payPath(session.id) };
}

/**
 * "Procedi": keeps what the summary shows (masked) and what "Invio dati" needs to decide, and
 * forgets the number: from here on the bank knows the card by its fingerprint and behaviour.
 */
export async function enterCardDetails(sessionId: string, card: CardDetailsEntered): Promise<boolean> {
  const brand = brandOf(card.digits);
  if (!isUuid(sessionId) || !brand) return false;
  const at = now();
  const { count } = await db.gwSession.updateMany({
    where: { id: sessionId, status: "OPEN", expiresAt: { gt: at } },
    data: {
      status: "CONFIRMING",
      cardBrand: brand,
      cardLast4: card.digits.slice(-4),
      cardExpMonth: card.expMonth,
      cardExpYear: card.expYear,
      cardHolder: card.holder,
      cardFingerprint: cardFingerprint(card.digits),
      cardBehaviour: behaviourOf(card.digits),
    },
  });
  return count === 1;
}

/** "Modifica i dati" on the summary: back to the empty form, forgetting what was entered. */
export async function editCardDetails(sessionId: string): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const nothing = { cardBrand: null, cardLast4: null, cardExpMonth: null, cardExpYear: null, cardHolder: null, cardFingerprint: null, cardBehaviour: null };
  const { count } = await db.gwSession.updateMany({ where: { id: sessionId, status: "CONFIRMING", expiresAt: { gt: now() } }, data: { status: "OPEN", ...nothing } });
  return count === 1;
}
