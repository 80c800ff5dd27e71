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
