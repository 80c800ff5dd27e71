import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { actorOf, writeAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/passwords";
import { revokeSessions } from "@/lib/auth/session-registry";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/enums";

/**
 * Staff accounts, managed by `npm run staff` (scripts/staff.ts): never by the demo seed in a real
 * deployment, never with a default password. Adding an account or resetting its password gives a
 * one-time password, printed once, that must be changed at the first login (followed by setting
 * up the authenticator app, mandatory for staff). Every change is audited as done by the command.
 */
export class StaffAccountError extends Error {
  constructor(readonly code: "invalid_input" | "exists" | "not_found") {
    super(code);
    this.name = "StaffAccountError";
  }
}

export const staffRoles = { amministrazione: "AMMINISTRAZIONE", supporto: "SUPPORTO_TECNICO" } as const satisfies Record<string, StaffRole>;
const usernameInput = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/);
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const COMMAND = { actor: actorOf.system, via: "npm run staff" };

function oneTimePassword(): string {
  return Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

function username(value: unknown): string {
  const parsed = usernameInput.safeParse(value);
  if (!parsed.success) throw new StaffAccountError("invalid_input");
  return parsed.data;
}

export async function addStaff(opts: { username: unknown; role: unknown; displayName?: string }): Promise<{ username: string; role: StaffRole; oneTimePassword: string }> {
  const name = username(opts.username);
  const role = staffRoles[String(opts.role) as keyof typeof staffRoles];
  if (!role) throw new StaffAccountError("invalid_input");
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const created = await tx.staffUser.createMany({ data: [{ username: name, displayName: opts.displayName?.trim() || name, role, passwordHash, mustChangePassword: true, createdAt: now() }], skipDuplicates: true });
    if (created.count !== 1) throw new StaffAccountError("exists");
    const staff = await tx.staffUser.findUniqueOrThrow({ where: { username: name }, select: { id: true } });
    await writeAudit(tx, { actor: COMMAND.actor, action: "staff.added", entity: "StaffUser", entityId: staff.id, data: { username: name, role, via: COMMAND.via } });
  });
  return { username: name, role, oneTimePassword: password };
}

export async function listStaff() {
  const rows = await db.staffUser.findMany({ select: { username: true, displayName: true, role: true, createdAt: true, disabledAt: true, mustChangePassword: true, totp: { select: { confirmedAt: true } } }, orderBy: { username: "asc" } });
  return rows.map(({ totp, ...r }) => ({ ...r, authenticator: Boolean(totp?.confirmedAt) }));
}

/** A disabled member of staff can't log in, and every open session stops at once. */
export async function disableStaff(opts: { username: unknown }): Promise<{ sessionsSignedOut: number }> {
  const name = username(opts.username);
  return db.$transaction(async (tx) => {
    const staff = await tx.staffUser.findUnique({ where: { username: name }, select: { id: true } });
    if (!staff) throw new StaffAccountError("not_found");
    const moved = await tx.staffUser.updateMany({ where: { id: staff.id, disabledAt: null }, data: { disabledAt: now() } });
    const signedOut = await revokeSessions(tx, { owner: { staffId: staff.id }, reason: "staff-disabled" });
    if (moved.count) await writeAudit(tx, { actor: COMMAND.actor, action: "staff.disabled", entity: "StaffUser", entityId: staff.id, data: { username: name, sessionsSignedOut: signedOut, via: COMMAND.via } });
    return { sessionsSignedOut: signedOut };
  });
}

/**
 * A new one-time password (to change at the next login); open sessions are signed out. With
 * `reset2fa` the authenticator and recovery codes are removed too (a lost phone), so the next
 * login sets one up again. A disabled account stays disabled.
 */
export async function resetStaffPassword(opts: { username: unknown; reset2fa?: boolean }): Promise<{ oneTimePassword: string }> {
  const name = username(opts.username);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const staff = await tx.staffUser.findUnique({ where: { username: name }, select: { id: true } });
    if (!staff) throw new StaffAccountError("not_found");
    await tx.staffUser.update({ where: { id: staff.id }, data: { passwordHash, mustChangePassword: true, secondStepBlockedAt: null } });
    if (opts.reset2fa) {
      await tx.totpFactor.deleteMany({ where: { staffId: staff.id } });
      await tx.recoveryCode.deleteMany({ where: { staffId: staff.id } });
    }
    const signedOut = await revokeSessions(tx, { owner: { staffId: staff.id }, reason: "password-reset" });
    // A login half done with the old password (a second-step ticket) ends with it.
    await tx.loginTicket.updateMany({ where: { staffId: staff.id, usedAt: null }, data: { usedAt: now() } });
    await writeAudit(tx, { actor: COMMAND.actor, action: "staff.password_reset", entity: "StaffUser", entityId: staff.id, data: { username: name, reset2fa: Boolean(opts.reset2fa), sessionsSignedOut: signedOut, via: COMMAND.via } });
  });
  return { oneTimePassword: password };
}
