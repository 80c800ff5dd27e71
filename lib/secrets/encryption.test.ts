import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { expect, it, vi } from "vitest";
import { decryptSecret, encryptSecret } from "./encryption";

it("round-trips, never stores the plain text, and refuses another context or a changed byte", () => {
  vi.stubEnv("SECRETS_ENCRYPTION_KEY", "test-key-only");
  const sealed = encryptSecret("JBSWY3DPEHPK3PXP", "totp:a");
  expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
  expect(encryptSecret("JBSWY3DPEHPK3PXP", "totp:a")).not.toBe(sealed);
  expect(decryptSecret(sealed, "totp:a")).toBe("JBSWY3DPEHPK3PXP");
  expect(() => decryptSecret(sealed, "totp:b")).toThrow();
  const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
  expect(() => decryptSecret(tampered, "totp:a")).toThrow();
  vi.stubEnv("SECRETS_ENCRYPTION_KEY", "another-key");
  expect(() => decryptSecret(sealed, "totp:a")).toThrow();
  vi.unstubAllEnvs();
});

it("finding 8: refuses a sealed secret whose authentication tag was cut short (GCM would check only its first bytes)", () => {
  vi.stubEnv("SECRETS_ENCRYPTION_KEY", "test-key-only");
  const sealed = encryptSecret("JBSWY3DPEHPK3PXP", "totp:a");
  const [version, iv, tag, body] = sealed.split(".");
  const short = Buffer.from(tag, "base64url").subarray(0, 4).toString("base64url");
  expect(() => decryptSecret([version, iv, short, body].join("."), "totp:a")).toThrow();
  // And one sealed with a 4-byte tag from the start (an attacker needs only 2^32 tries to forge one).
  const key = Buffer.from(hkdfSync("sha256", "test-key-only", "area-clienti", "secrets-encryption/v1", 32));
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce, { authTagLength: 4 });
  cipher.setAAD(Buffer.from("totp:a"));
  const forged = Buffer.concat([cipher.update("AAAAAAAAAAAAAAAA", "utf8"), cipher.final()]);
  expect(() => decryptSecret(["v1", nonce.toString("base64url"), cipher.getAuthTag().toString("base64url"), forged.toString("base64url")].join("."), "totp:a")).toThrow();
  vi.unstubAllEnvs();
});
