import "server-only";
import { z } from "zod";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { passkeyRegistrationOptions, verifyPasskeyRegistration } from "@/lib/auth/passkeys";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AccountError } from "./errors";
import { recordSecurityChange, type Client } from "./notify";
import { confirmPassword, consumeChangeAllowance } from "./reauth";
import { passwordOnlyInput } from "./schemas";

/**
 * Passkeys of a customer's account: a login without a password, or the second step after it.
 * Adding one asks for the password first (only then is a registration challenge issued, bound to
 * the customer); removing one asks for it again. Both are audited and e-mailed.
 */
export async function listPasskeys(customerId: string) {
  return db.passkey.findMany({ where: { customerId }, select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true }, orderBy: { createdAt: "asc" } });
}

export async function passkeyCreationOptions(opts: { customerId: string; input: unknown }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const parsed = passwordOnlyInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await confirmPassword({ customerId: opts.customerId }, parsed.data.currentPassword);
  const customer = await db.customer.findUniqueOrThrow({ where: { id: opts.customerId }, select: { id: true, username: true, displayName: true } });
  return passkeyRegistrationOptions(customer);
}

const addPasskeyInput = z.object({ name: z.string().trim().min(1).max(60), response: z.string().min(2).max(20_000) });

export async function addPasskey(opts: { customerId: string; input: unknown; client?: Client }): Promise<{ id: string; name: string }> {
  const parsed = addPasskeyInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await consumeChangeAllowance({ customerId: opts.customerId });
  let response: unknown;
  try {
    response = JSON.parse(parsed.data.response);
  } catch {
    throw new AccountError("invalid_input");
  }
  const verified = await verifyPasskeyRegistration(opts.customerId, response);
  if (!verified) throw new AccountError("invalid_code");
  return db.$transaction(async (tx) => {
    const inserted = await tx.passkey.createMany({
      data: [{ customerId: opts.customerId, credentialId: verified.credentialId, publicKey: new Uint8Array(verified.publicKey), counter: BigInt(verified.counter), transports: verified.transports, backedUp: verified.backedUp, name: parsed.data.name, createdAt: now() }],
      skipDuplicates: true,
    });
    if (inserted.count !== 1) throw new AccountError("invalid_code");
    const row = await tx.passkey.findUniqueOrThrow({ where: { credentialId: verified.credentialId }, select: { id: true, name: true } });
    await recordSecurityChange(tx, { customerId: opts.customerId }, "passkey-added", { client: opts.client, detail: row.name, data: { passkeyId: row.id } });
    return row;
  });
}

const removePasskeyInput = z.object({ passkeyId: z.uuid(), currentPassword: z.string().min(1).max(200) });

export async function removePasskey(opts: { customerId: string; input: unknown; client?: Client }): Promise<void> {
  const parsed = removePasskeyInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await confirmPassword({ customerId: opts.customerId }, parsed.data.currentPassword);
  await db.$transaction(async (tx) => {
    const row = await tx.passkey.findFirst({ where: { id: parsed.data.passkeyId, customerId: opts.customerId }, select: { id: true, name: true } });
    if (!row) throw new AccountError("not_found");
    await tx.passkey.delete({ where: { id: row.id } });
    await recordSecurityChange(tx, { customerId: opts.customerId }, "passkey-removed", { client: opts.client, detail: row.name, data: { passkeyId: row.id } });
  });
}
