import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { createTestCustomer } from "@/lib/demo/fixtures";
import { seedDemoData } from "@/lib/demo/seed";
import { replaceRecoveryCodes, spendRecoveryCode } from "./recovery-codes";

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});

describe("finding 8: recovery codes are stored as a keyed hash", () => {
  it("not the plain SHA-256 of the code (50 bits: a stolen table would give them up), but an HMAC under a server secret", async () => {
    vi.stubEnv("SECRETS_ENCRYPTION_KEY", "a-test-key-for-recovery-codes");
    try {
      const c = await createTestCustomer();
      const owner = { customerId: c.customerId };
      const codes = await db.$transaction((tx) => replaceRecoveryCodes(tx, owner));
      const stored = (await db.recoveryCode.findMany({ where: owner, select: { codeHash: true } })).map((r) => r.codeHash);
      const plain = codes.map((code) => createHash("sha256").update(`customer:${c.customerId}:${code.replace("-", "")}`).digest("hex"));
      expect(stored.filter((h) => plain.includes(h))).toEqual([]);
      expect(stored).toHaveLength(10);

      // Another server key: the same codes match nothing (the table alone is not enough).
      vi.stubEnv("SECRETS_ENCRYPTION_KEY", "another-key");
      expect(await spendRecoveryCode(owner, codes[0])).toBe(false);
      vi.stubEnv("SECRETS_ENCRYPTION_KEY", "a-test-key-for-recovery-codes");
      expect(await spendRecoveryCode(owner, codes[0])).toBe(true);
      expect(await spendRecoveryCode(owner, codes[0])).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
