import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { configuredSecret } from ".";

/**
 * Secrets the area must read back (a TOTP seed), encrypted at rest with AES-256-GCM. The key is
 * SECRETS_ENCRYPTION_KEY when set, otherwise derived (HKDF) from the session secret, so a
 * deployment needs no new variable; set SECRETS_ENCRYPTION_KEY before ever rotating
 * NEXTAUTH_SECRET, or the authenticators enrolled until then stop working. `context` (e.g.
 * "totp:<owner id>") is bound to the ciphertext, so a value copied to another row does not decrypt.
 */
/** A 256-bit key for one purpose (`info`), derived (HKDF) from the server's secret as above. */
export function derivedKey(info: string): Buffer {
  const explicit = process.env.SECRETS_ENCRYPTION_KEY?.trim();
  const material = explicit || configuredSecret("NEXTAUTH_SECRET", "auth-secret");
  return Buffer.from(hkdfSync("sha256", material, "area-clienti", info, 32));
}
const key = () => derivedKey("secrets-encryption/v1");
// GCM's full tag; a shorter one given to the decipher would be checked on its first bytes only.
const TAG_BYTES = 16;

export function encryptSecret(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unreadable sealed secret");
  const authTag = Buffer.from(tag, "base64url");
  if (authTag.length !== TAG_BYTES) throw new Error("unreadable sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
