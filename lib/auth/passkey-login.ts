import "server-only";
import { db } from "@/lib/db";
import { verifyPasskeyAssertion } from "./passkeys";
import { consumeAddressAttempt, settleAddressSuccess } from "./rate-limit";

/** The binding of the login page's challenges: anyone may ask for one, nobody is named. */
export const PASSKEY_LOGIN_BINDING = "login";

export type PasskeyLoginResult =
  | { ok: true; customer: { customerId: string; username: string } }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

/**
 * "Accedi con una passkey": a login without a password. The passkey (user verification
 * required) is both factors, so no second step follows. Attempts come out of the same per-address
 * allowance as passwords, consumed before the assertion is checked.
 */
export async function authenticateWithPasskey(opts: { response: unknown; ip: string }): Promise<PasskeyLoginResult> {
  const attempt = await consumeAddressAttempt(opts.ip);
  if (!attempt.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };
  let response: unknown = null;
  try {
    response = typeof opts.response === "string" && opts.response.length <= 20_000 ? JSON.parse(opts.response) : null;
  } catch {
    response = null;
  }
  const verified = response ? await verifyPasskeyAssertion({ response, purpose: "login", binding: PASSKEY_LOGIN_BINDING }) : null;
  if (!verified) return { ok: false, error: "invalid_credentials" };
  const customer = await db.customer.findUniqueOrThrow({ where: { id: verified.customerId }, select: { id: true, username: true } });
  await settleAddressSuccess(opts.ip);
  return { ok: true, customer: { customerId: customer.id, username: customer.username } };
}
