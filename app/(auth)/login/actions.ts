"use server";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { PASSKEY_LOGIN_BINDING } from "@/lib/auth/passkey-login";
import { passkeyAuthenticationOptions } from "@/lib/auth/passkeys";
import { ticketForPasskey } from "@/lib/auth/second-step";

/** "Accedi con una passkey": a signed challenge for any of the area's passkeys (nothing is stored). */
export async function passkeyLoginOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return passkeyAuthenticationOptions("login", PASSKEY_LOGIN_BINDING);
}

/** The passkey as the second step: a challenge bound to the password step's ticket, for that account's passkeys. */
export async function secondStepPasskeyOptionsAction(ticket: unknown): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const found = await ticketForPasskey(ticket);
  return found ? passkeyAuthenticationOptions("second-step", found.id, found.customerId) : null;
}
