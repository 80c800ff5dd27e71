import "server-only";
import { writeAudit } from "@/lib/audit";
import { isStaffOwner, ownerEntity, ownerKey, type Owner } from "@/lib/auth/owner";
import { now } from "@/lib/clock";
import type { Prisma, Tx } from "@/lib/db";
import { queueEmail } from "@/lib/email";
import type { SecurityChange } from "@/lib/email/account-catalog";

export type Client = { ip?: string; userAgent?: string };

/**
 * Records a change to the account's security in the audit log and, for a customer, announces it
 * by e-mail to the registered address, in the caller's transaction. Staff have no e-mail in the
 * system: the audit log (Registro attività) is their record.
 */
export async function recordSecurityChange(tx: Tx, owner: Owner, change: SecurityChange, opts: { client?: Client; detail?: string; data?: Prisma.InputJsonObject; actor?: string } = {}) {
  await writeAudit(tx, {
    actor: opts.actor ?? ownerKey(owner),
    action: `account.${change}`,
    ...ownerEntity(owner),
    data: { ...(opts.data ?? {}), ...(opts.detail ? { detail: opts.detail } : {}) },
    ip: opts.client?.ip,
    userAgent: opts.client?.userAgent?.slice(0, 500),
  });
  if (isStaffOwner(owner)) return;
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: owner.customerId }, select: { displayName: true, email: true, locale: true } });
  await queueEmail(tx, {
    to: customer.email,
    template: "security-change",
    props: { name: customer.displayName, change, at: now().toISOString(), detail: opts.detail },
    locale: customer.locale,
  });
}
