import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { derivedKey } from "@/lib/secrets/encryption";
import { ownerKey, ownerWhere, type Owner } from "./owner";

// Ten codes of ten characters from an alphabet without look-alikes (50 bits each), shown once;
// only a hash bound to the owner is stored, and each works once (conditional update). The hash is
// an HMAC under a key derived like the TOTP secrets' (lib/secrets/encryption.ts): 50 bits under a
// plain SHA-256 would fall to a search of a stolen table. (No codes were stored the old way in a
// real deployment: nothing to migrate.)
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

const normalise = (code: string) => code.replace(/[\s-]/g, "").toUpperCase();
const hashCode = (owner: Owner, code: string) => createHmac("sha256", derivedKey("recovery-codes/v1")).update(`${ownerKey(owner)}:${normalise(code)}`).digest("hex");

function newCode(): string {
  const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Replaces the owner's recovery codes with ten new ones, returned in clear this once. */
export async function replaceRecoveryCodes(tx: Tx, owner: Owner): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: ownerWhere(owner) });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ ...ownerWhere(owner), codeHash: hashCode(owner, c), createdAt: now() })) });
  return codes;
}

/** Spends one recovery code; false when it is not one of the owner's unused codes. */
export async function spendRecoveryCode(owner: Owner, code: string): Promise<boolean> {
  if (!/^[A-Za-z0-9]{10}$/.test(normalise(code))) return false;
  const r = await db.recoveryCode.updateMany({ where: { ...ownerWhere(owner), codeHash: hashCode(owner, code), usedAt: null }, data: { usedAt: now() } });
  return r.count === 1;
}

export async function unusedRecoveryCodes(owner: Owner): Promise<number> {
  return db.recoveryCode.count({ where: { ...ownerWhere(owner), usedAt: null } });
}
