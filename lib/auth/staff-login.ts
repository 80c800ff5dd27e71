import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/enums";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { consumeLoginAttempt, LOGIN_BLOCK_SECONDS, settleLoginSuccess } from "./rate-limit";
import { staffLoginInput } from "./schemas";

export type AuthenticatedStaff = { staffId: string; username: string; role: StaffRole };
export type StaffLoginResult =
  | { ok: true; staff: AuthenticatedStaff }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

// Staff names get their own throttling keys: a customer called "admin" must not be able to lock
// the back office out (or the reverse).
const throttleName = (username: string) => `staff:${username}`;

/**
 * Checks a staff member's username and password with the customers' rules: one generic error,
 * the same blocks after repeated failures, argon2 with a decoy check for unknown names. Staff
 * have no e-mail in the system, so a block is only audited.
 */
export async function authenticateStaff(opts: { credentials: unknown; ip: string; userAgent?: string }): Promise<StaffLoginResult> {
  const parsed = staffLoginInput.safeParse(opts.credentials);
  if (!parsed.success) return { ok: false, error: "invalid_credentials" };
  const { username, password } = parsed.data;
  const key = throttleName(username);

  // Counted before the password is verified (defect 5 of issue 11).
  const attempt = await consumeLoginAttempt(key, opts.ip);
  if (!attempt.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };

  const staff = await db.staffUser.findUnique({ where: { username }, select: { id: true, username: true, role: true, passwordHash: true } });
  const valid = staff ? await verifyPassword(staff.passwordHash, password) : (await burnPasswordCheck(password), false);
  const client = { ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) };

  if (!staff || !valid) {
    if (staff && attempt.lastForName) {
      const unlockAt = new Date(now().getTime() + LOGIN_BLOCK_SECONDS * 1000).toISOString();
      await db.$transaction((tx) =>
        writeAudit(tx, { actor: actorOf.anonymous, action: "auth.locked", entity: "StaffUser", entityId: staff.id, data: { unlockAt }, ...client }),
      );
    }
    return { ok: false, error: "invalid_credentials" };
  }

  await settleLoginSuccess(key, opts.ip);
  await db.$transaction((tx) =>
    writeAudit(tx, { actor: actorOf.staff(staff.id), action: "auth.staff_login", entity: "StaffUser", entityId: staff.id, data: { role: staff.role }, ...client }),
  );
  return { ok: true, staff: { staffId: staff.id, username: staff.username, role: staff.role } };
}
