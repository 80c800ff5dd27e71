import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { configuredSecret } from "@/lib/secrets";

/** The bank's key: signs redirects and notifications, and keys card fingerprints. */
function gatewaySecret(): string {
  return configuredSecret("GATEWAY_SECRET", "gateway-secret");
}

export function hmacHex(message: string): string {
  return createHmac("sha256", gatewaySecret()).update(message).digest("hex");
}

/** Compares a received hex signature with the expected one in constant time. */
export function signatureMatches(received: string, expected: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(received)) return false;
  return timingSafeEqual(Buffer.from(received.toLowerCase(), "hex"), Buffer.from(expected, "hex"));
}

/**
 * Recognises the same card number again without keeping it: a keyed hash, so that the stored
 * value cannot be reversed by hashing every possible number.
 */
export function cardFingerprint(digits: string): string {
  return hmacHex(`card-fingerprint:${digits}`);
}
