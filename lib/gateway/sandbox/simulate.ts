import "server-only";
import { cardDetailsInput } from "./card-input";
import { answerChallenge, sendCardDetails } from "./hosted";
import { enterCardDetails } from "./sessions";

export type SimulatedCustomer = { number: string; expiry?: string; cvv?: string; holder?: string; otp?: string };

/**
 * Plays the customer on the bank's hosted page without a browser, through the same functions as
 * its server actions: for integration tests of the area's payment use cases. Returns where the
 * browser would go next (the signed return URL, or the challenge page when no `otp` is given).
 */
export async function simulateHostedPayment(sessionId: string, customer: SimulatedCustomer): Promise<string> {
  const card = cardDetailsInput.parse({ expiry: "12/34", cvv: "123", holder: "Mario Rossi", ...customer });
  if (!(await enterCardDetails(sessionId, card))) throw new Error(`Gateway session ${sessionId} is not open`);
  const next = await sendCardDetails(sessionId);
  const challenge = /^\/gateway\/challenge\/([0-9a-f-]{36})$/.exec(next);
  if (!challenge || customer.otp === undefined) return next;
  return answerChallenge(challenge[1], customer.otp);
}
