import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { appBaseUrl } from "@/lib/security/app-url";
import { checkChallenge, issueChallenge, spendChallenge, type ChallengePurpose } from "./webauthn-challenge";

/**
 * The relying party is the area's public address (APP_URL / NEXTAUTH_URL). Browsers refuse an IP
 * address as RP ID, so a development or test server configured on 127.0.0.1 offers passkeys on
 * http://localhost:<port> instead (a secure context too).
 */
export function relyingParty(env: NodeJS.ProcessEnv = process.env): { rpID: string; origin: string; name: string } {
  const base = appBaseUrl(env);
  const loopback = base.hostname === "127.0.0.1" || base.hostname === "[::1]";
  const rpID = loopback ? "localhost" : base.hostname;
  const origin = loopback ? `${base.protocol}//localhost${base.port ? `:${base.port}` : ""}` : base.origin;
  return { rpID, origin, name: "Area Clienti" };
}

const transportsOf = (t: string[]) => t as AuthenticatorTransportFuture[];

/** Options to create a passkey for this customer (resident key, so it can log in without a username). */
export async function passkeyRegistrationOptions(customer: { id: string; username: string; displayName: string }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.passkey.findMany({ where: { customerId: customer.id }, select: { credentialId: true, transports: true } });
  return generateRegistrationOptions({
    rpName: relyingParty().name,
    rpID: relyingParty().rpID,
    userName: customer.username,
    userDisplayName: customer.displayName,
    userID: new TextEncoder().encode(customer.id),
    challenge: issueChallenge("register", customer.id),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: transportsOf(c.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

export type NewPasskey = { credentialId: string; publicKey: Uint8Array; counter: number; transports: string[]; backedUp: boolean };

/** Verifies the browser's answer to passkeyRegistrationOptions; null when it is not valid (or replayed). */
export async function verifyPasskeyRegistration(customerId: string, response: unknown): Promise<NewPasskey | null> {
  const { rpID, origin } = relyingParty();
  let challenge = "";
  try {
    const result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: (c) => ((challenge = c), checkChallenge(c, "register", customerId)),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
    if (!result.verified || !(await spendChallenge(challenge))) return null;
    const { credential, credentialBackedUp } = result.registrationInfo;
    return { credentialId: credential.id, publicKey: credential.publicKey, counter: credential.counter, transports: credential.transports ?? [], backedUp: credentialBackedUp };
  } catch {
    return null;
  }
}

/** Options to sign in with a passkey: any of the customer's (second step), or any discoverable one (login). */
export async function passkeyAuthenticationOptions(purpose: Exclude<ChallengePurpose, "register">, binding: string, customerId?: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allow = customerId ? await db.passkey.findMany({ where: { customerId }, select: { credentialId: true, transports: true } }) : [];
  return generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    challenge: issueChallenge(purpose, binding),
    userVerification: "required",
    allowCredentials: allow.map((c) => ({ id: c.credentialId, transports: transportsOf(c.transports) })),
  });
}

/**
 * Verifies a passkey assertion: the challenge is ours (purpose, binding, not expired, not used),
 * the signature matches the stored public key, and the signature counter grew (when the
 * authenticator keeps one). Returns the customer and the passkey, or null.
 */
export async function verifyPasskeyAssertion(opts: { response: unknown; purpose: Exclude<ChallengePurpose, "register">; binding: string; customerId?: string }): Promise<{ customerId: string; passkeyId: string } | null> {
  const response = opts.response as AuthenticationResponseJSON;
  if (!response || typeof response !== "object" || typeof response.id !== "string") return null;
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id }, select: { id: true, customerId: true, publicKey: true, counter: true, transports: true } });
  if (!passkey || (opts.customerId && passkey.customerId !== opts.customerId)) return null;
  const { rpID, origin } = relyingParty();
  let challenge = "";
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (c) => ((challenge = c), checkChallenge(c, opts.purpose, opts.binding)),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: response.id, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: transportsOf(passkey.transports) },
      requireUserVerification: true,
    });
    if (!result.verified) return null;
    const { newCounter } = result.authenticationInfo;
    // The counter moves forward by a conditional update: an assertion replayed, or cloned, loses.
    const moved = await db.passkey.updateMany({
      where: { id: passkey.id, ...(newCounter > 0 ? { counter: { lt: BigInt(newCounter) } } : { counter: 0 }) },
      data: { counter: BigInt(newCounter), lastUsedAt: now() },
    });
    if (moved.count !== 1 || !(await spendChallenge(challenge))) return null;
    return { customerId: passkey.customerId, passkeyId: passkey.id };
  } catch {
    return null;
  }
}
