import "server-only";
import { db } from "@/lib/db";
import type { GwSession } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/db/ids";
import { OTP_CODE } from "./behaviour";
import { cancel } from "./outcome";
import { signedReturnUrl } from "./signing";
import { challengePath, findByLookup, merchantName, payPath, type Found } from "./store";
import { confirmSession, endChallenge, settleIfDue } from "./transitions";

/**
 * What the bank's own pages show and do. Every function takes an id straight from the URL or a
 * form, so an unknown, malformed or expired one is an answer ("not_found", "closed"), not an error.
 */

export type Sale = { merchant: string; kind: "PAYMENT" | "VERIFY"; amountCents: number };
export type MaskedCard = { brand: string; last4: string; expiry: string; holder: string };
export type Closed = { state: "closed"; why: "expired" | "succeeded" | "failed"; backUrl: string | null };

export type PayPage =
  | { state: "not_found" }
  | Closed
  | { state: "form"; sale: Sale }
  | { state: "summary"; sale: Sale; card: MaskedCard }
  | { state: "challenge"; chargeId: string };

export type ChallengePage = { state: "not_found" } | Closed | { state: "otp"; sale: Sale; card: MaskedCard | null };

const sale = (s: Pick<GwSession, "kind" | "amountCents">): Sale => ({ merchant: merchantName(), kind: s.kind, amountCents: s.amountCents });
const expiry = (month: number, year: number) => `${String(month).padStart(2, "0")}/${String(year % 100).padStart(2, "0")}`;

function maskedCard(s: GwSession): MaskedCard {
  return { brand: s.cardBrand ?? "", last4: s.cardLast4 ?? "", expiry: expiry(s.cardExpMonth ?? 0, s.cardExpYear ?? 0), holder: s.cardHolder ?? "" };
}

/** Where the customer goes back to the merchant, with the signed query; null if it has nowhere. */
async function backUrlOf(found: Found): Promise<string | null> {
  if (found.session) {
    const s = found.session;
    return signedReturnUrl(s.returnUrl, { ref: s.id, kind: "session", merchantRef: s.merchantRef });
  }
  const session = await db.gwSession.findUnique({ where: { chargeId: found.charge.id } });
  if (session) return backUrlOf({ session });
  const c = found.charge;
  return c.returnUrl ? signedReturnUrl(c.returnUrl, { ref: c.id, kind: "charge", merchantRef: c.merchantRef }) : null;
}

async function closed(found: Found): Promise<Closed> {
  const status = found.session?.status ?? found.charge?.status;
  const why = status === "SUCCEEDED" ? "succeeded" : status === "EXPIRED" ? "expired" : "failed";
  return { state: "closed", why, backUrl: await backUrlOf(found) };
}

/** Loads a session or charge by an id from a URL, after letting the clock end it if it lapsed. */
async function load(lookup: { sessionId: string } | { chargeId: string }): Promise<Found | null> {
  const id = "sessionId" in lookup ? lookup.sessionId : lookup.chargeId;
  if (!isUuid(id)) return null;
  const found = await findByLookup(lookup);
  if (!found || !(await settleIfDue(found))) return found;
  return findByLookup(lookup);
}

export async function loadPaymentPage(sessionId: string): Promise<PayPage> {
  const found = await load({ sessionId });
  if (!found?.session) return { state: "not_found" };
  const s = found.session;
  if (s.status === "OPEN") return { state: "form", sale: sale(s) };
  if (s.status === "CONFIRMING") return { state: "summary", sale: sale(s), card: maskedCard(s) };
  if (s.status === "CHALLENGE" && s.chargeId) return { state: "challenge", chargeId: s.chargeId };
  return closed(found);
}

/**
 * "Invio dati". Whatever happened (this request won, or a double click lost to the first one),
 * the answer is where the browser goes now: the challenge, or back to the merchant.
 */
export async function sendCardDetails(sessionId: string): Promise<string> {
  if (isUuid(sessionId)) await confirmSession(sessionId);
  return nextStep(sessionId);
}

async function nextStep(sessionId: string): Promise<string> {
  const found = await load({ sessionId });
  const s = found?.session;
  if (!s || s.status === "OPEN" || s.status === "CONFIRMING") return payPath(sessionId);
  if (s.status === "CHALLENGE" && s.chargeId) return challengePath(s.chargeId);
  return (await backUrlOf({ session: s })) ?? payPath(sessionId);
}

/** "Annulla" on the card form or the summary: the session fails as abandoned, back to the merchant. */
export async function abandonSession(sessionId: string): Promise<string> {
  if (isUuid(sessionId)) await cancel({ sessionId });
  return nextStep(sessionId);
}

export async function loadChallengePage(chargeId: string): Promise<ChallengePage> {
  const found = await load({ chargeId });
  if (!found?.charge) return { state: "not_found" };
  const c = found.charge;
  if (c.status !== "REQUIRES_ACTION") return closed(found);
  const session = await db.gwSession.findUnique({ where: { chargeId: c.id } });
  if (session) return { state: "otp", sale: sale(session), card: maskedCard(session) };
  const card = c.cardToken ? await db.gwCard.findUnique({ where: { token: c.cardToken } }) : null;
  const masked = card ? { brand: card.brand, last4: card.last4, expiry: expiry(card.expMonth, card.expYear), holder: card.holder } : null;
  return { state: "otp", sale: { merchant: merchantName(), kind: "PAYMENT", amountCents: c.amountCents }, card: masked };
}

async function afterChallenge(chargeId: string): Promise<string> {
  const found = await load({ chargeId });
  if (!found?.charge) return challengePath(chargeId);
  if (found.charge.status === "REQUIRES_ACTION") return challengePath(chargeId);
  return (await backUrlOf(found)) ?? challengePath(chargeId);
}

/**
 * "Conferma" with a well-formed code: one try, like many issuers' ACS. The right code succeeds,
 * any other fails the authentication for good; a repeated submit finds it already decided.
 */
export async function answerChallenge(chargeId: string, otp: string): Promise<string> {
  if (isUuid(chargeId)) {
    const result = otp === OTP_CODE ? ({ ok: true, otpTried: true } as const) : ({ ok: false, reason: "authentication_failed", otpTried: true } as const);
    await endChallenge(chargeId, result);
  }
  return afterChallenge(chargeId);
}

/** "Annulla" on the OTP page. */
export async function abandonChallenge(chargeId: string): Promise<string> {
  if (isUuid(chargeId)) await cancel({ chargeId });
  return afterChallenge(chargeId);
}
