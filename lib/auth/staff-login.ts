import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/enums";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { consumeLoginAttempt, LOGIN_BLOCK_SECONDS, settleLoginSuccess } from "./rate-limit";
import { staffLoginInput } from "./schemas";
import { issueLoginTicket, secondFactorsOf } from "./second-step";

export type AuthenticatedStaff = { staffId: string; username: string; role: StaffRole };
export type StaffLoginResult =
  /** With `secondStep` the password was right and the authenticator's code is asked next. */
  | { ok: true; staff: AuthenticatedStaff; secondStep?: { ticket: string; factors: ["totp"] } }
  | { ok: false; error: "invalid_credentials" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

// Staff names get their own throttling keys: a customer called "admin" must not be able to lock
// the back office out (or the reverse).
const throttleName = (username: string) => `staff:${username}`;

/**
 * Checks a staff member's username and password with the customers' rules: one generic error,
 * the same blocks after repeated failures, argon2 with a decoy check for unknown names. A disabled
 * account fails like a wrong password. The second step is mandatory for staff: with an
 * authenticator set up, its code is asked next; without one (first login, or after a reset) the
 * session opens only the first-access page, where the one-time password is changed and the
 * authenticator set up (requireStaff). Staff have no e-mail in the system, so blocks are only audited.
 */
export async function authenticateStaff(opts: { credentials: unknown; ip: string; userAgent?: string }): Promise<StaffLoginResult> {
  const parsed = staffLoginInput.safeParse(opts.credentials);
  if (!parsed.success) return { ok: false, error: "invalid_credentials" };
  const { username, password } = parsed.data;
  const key = throttleName(username);

  // Counted before the password is verified (defect 5 of issue 11).
  const attempt = await consumeLoginAttempt(key, opts.ip);
  if (!attempt.allowed) return { ok: false, error: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };

  const staff = await db.staffUser.findUnique({ where: { username }, select: { id: true, username: true, role: true, passwordHash: true, disabledAt: true } });
  const valid = staff ? await verifyPassword(staff.passwordHash, password) : (await burnPasswordCheck(password), false);
  const client = { ip: opts.ip, userAgent: opts.userAgent?.slice(0, 500) };

  if (!staff || !valid || staff.disabledAt) {
    if (staff && attempt.lastForName) {
      const unlockAt = new Date(now().getTime() + LOGIN_BLOCK_SECONDS * 1000).toISOString();
      await db.$transaction((tx) =>
        writeAudit(tx, { actor: actorOf.anonymous, action: "auth.locked", entity: "StaffUser", entityId: staff.id, data: { unlockAt }, ...client }),
      );
    }
    return { ok: false, error: "invalid_credentials" };
  }

  await settleLoginSuccess(key, opts.ip);
  const result = { staffId: staff.id, username: staff.username, role: staff.role };
  if ((await secondFactorsOf({ staffId: staff.id })).includes("totp")) {
    return { ok: true, staff: result, secondStep: { ticket: await issueLoginTicket({ kind: "STAFF", staffId: staff.id }, client), factors: ["totp"] } };
  }
  await auditStaffLogin(staff.id, { role: staff.role, method: "password" }, client);
  return { ok: true, staff: result };
}

export async function auditStaffLogin(staffId: string, data: { role: StaffRole; method: string }, client: { ip?: string; userAgent?: string }) {
  await db.$transaction((tx) => writeAudit(tx, { actor: actorOf.staff(staffId), action: "auth.staff_login", entity: "StaffUser", entityId: staffId, data, ip: client.ip, userAgent: client.userAgent?.slice(0, 500) }));
}
