import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { isStaffOwner, type Owner } from "@/lib/auth/owner";
import { revokeSessions } from "@/lib/auth/session-registry";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AccountError } from "./errors";
import { recordSecurityChange, type Client } from "./notify";
import { spendPendingLinks } from "./pending-links";
import { confirmPassword } from "./reauth";
import { changePasswordInput } from "./schemas";

/**
 * "Cambia password": the current password is asked again (and throttled); the new one signs every
 * other session of the account out, ends its pending links (an e-mail change, reset links) and is
 * announced by e-mail. For staff it is also how the
 * one-time password is replaced at the first login.
 */
export async function changePassword(opts: { owner: Owner; sessionId?: string; input: unknown; client?: Client }): Promise<void> {
  const parsed = changePasswordInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  const { owner } = opts;
  await confirmPassword(owner, parsed.data.currentPassword);
  const current = isStaffOwner(owner)
    ? await db.staffUser.findUniqueOrThrow({ where: { id: owner.staffId }, select: { passwordHash: true } })
    : await db.customer.findUniqueOrThrow({ where: { id: owner.customerId }, select: { passwordHash: true } });
  if (await verifyPassword(current.passwordHash, parsed.data.newPassword)) throw new AccountError("same_password");
  const passwordHash = await hashPassword(parsed.data.newPassword);

  await db.$transaction(async (tx) => {
    const at = now();
    let linksSpent = 0;
    if (isStaffOwner(owner)) await tx.staffUser.update({ where: { id: owner.staffId }, data: { passwordHash, mustChangePassword: false, secondStepBlockedAt: null } });
    else {
      await tx.customer.update({ where: { id: owner.customerId }, data: { passwordHash, passwordChangedAt: at } });
      linksSpent = await spendPendingLinks(tx, owner.customerId, at);
    }
    const signedOut = await revokeSessions(tx, { owner, keep: opts.sessionId, reason: "password-changed" });
    await recordSecurityChange(tx, owner, "password-changed", { client: opts.client, data: { otherSessionsSignedOut: signedOut, linksSpent } });
  });
}
