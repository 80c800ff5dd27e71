import "server-only";
import { defineAllowance } from "@/lib/auth/allowance";
import { ownerKey, isStaffOwner, type Owner } from "@/lib/auth/owner";
import { verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { AccountError } from "./errors";

// Changing the password, the registered e-mail or the second step asks for the password again:
// a stolen session alone must not take the account over. Five wrong answers in 15 minutes block
// these changes for 15 minutes (counted before the password is verified).
const reauthAllowance = defineAllowance({ keyPrefix: "account:reauth", points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 });

/** Throws AccountError("wrong_password" | "rate_limited") unless `password` is the owner's. */
export async function confirmPassword(owner: Owner, password: unknown): Promise<void> {
  const key = ownerKey(owner);
  const attempt = await reauthAllowance.consume(key);
  if (!attempt.allowed) throw new AccountError("rate_limited", attempt.retryAfterSeconds);
  const row = isStaffOwner(owner)
    ? await db.staffUser.findUnique({ where: { id: owner.staffId }, select: { passwordHash: true } })
    : await db.customer.findUnique({ where: { id: owner.customerId }, select: { passwordHash: true } });
  const ok = typeof password === "string" && password.length > 0 && password.length <= 200 && row !== null && (await verifyPassword(row.passwordHash, password));
  if (!ok) throw new AccountError("wrong_password");
  await reauthAllowance.clear(key);
}

/** Any other change by the owner (billing data, signing devices out): plenty for a person, not for a script. */
const changeAllowance = defineAllowance({ keyPrefix: "account:change", points: 30, durationSeconds: 60 * 60 });

export async function consumeChangeAllowance(owner: Owner): Promise<void> {
  const r = await changeAllowance.consume(ownerKey(owner));
  if (!r.allowed) throw new AccountError("rate_limited", r.retryAfterSeconds);
}
