import type { DeclineReason } from "../types";

/** The one 3-D Secure code the sandbox issuer accepts (PRODUCT.md §4). */
export const OTP_CODE = "123456";

/** How a vaulted card answers; stored with the card instead of its number. */
export type CardBehaviour = "approve" | "decline" | "insufficient_funds" | "expired_card" | "challenge" | "save_then_decline";

// PRODUCT.md §4. Any other valid number of an accepted circuit is approved.
const TEST_CARDS: Record<string, CardBehaviour> = {
  "4000000000000002": "decline",
  "4000000000009995": "insufficient_funds",
  "4000000000000069": "expired_card",
  "4000002760003184": "challenge",
  "4000000000000341": "save_then_decline",
};

export function behaviourOf(digits: string): CardBehaviour {
  return TEST_CARDS[digits] ?? "approve";
}

function asBehaviour(value: string | null): CardBehaviour {
  return value && (Object.values(TEST_CARDS) as string[]).concat("approve").includes(value) ? (value as CardBehaviour) : "decline";
}

export type Decision = { status: "SUCCEEDED" } | { status: "CHALLENGE" } | { status: "FAILED"; reason: DeclineReason };

const declines: Partial<Record<CardBehaviour, DeclineReason>> = {
  decline: "declined",
  insufficient_funds: "insufficient_funds",
  expired_card: "expired_card",
};

/** On the hosted page (first use of the card, payment or verification). */
export function decideHosted(stored: string | null): Decision {
  const behaviour = asBehaviour(stored);
  const reason = declines[behaviour];
  if (reason) return { status: "FAILED", reason };
  // 0341 is the card that saves fine and fails later: its first (saving) use succeeds.
  return behaviour === "challenge" ? { status: "CHALLENGE" } : { status: "SUCCEEDED" };
}

/** On a later charge of the saved card: off-session (MIT) charges are never challenged. */
export function decideSaved(stored: string, initiator: "CIT" | "MIT"): Decision {
  const behaviour = asBehaviour(stored);
  if (behaviour === "save_then_decline") return { status: "FAILED", reason: "declined" };
  const reason = declines[behaviour];
  if (reason) return { status: "FAILED", reason };
  return behaviour === "challenge" && initiator === "CIT" ? { status: "CHALLENGE" } : { status: "SUCCEEDED" };
}
