import "server-only";
import { writeAudit } from "@/lib/audit";
import { isStaffOwner, ownerEntity, ownerKey, type Owner } from "@/lib/auth/owner";
import { revokeSessions } from "@/lib/auth/session-registry";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { AccountError } from "./errors";
import { recordSecurityChange, type Client } from "./notify";
import { spendPendingLinks } from "./pending-links";
import { consumeChangeAllowance } from "./reauth";
import { sessionIdInput } from "./schemas";

/**
 * Whose sessions a viewer sees and signs out: the account's (its own logins and its PEC mailboxes'),
 * a PEC mailbox login only that mailbox's, a member of staff their own.
 */
export type SessionScope = { owner: Owner; pecServiceId?: string; currentSessionId?: string };

const scopeWhere = (s: SessionScope) => ({ ...s.owner, ...(s.pecServiceId ? { pecServiceId: s.pecServiceId } : {}) });

export type DeviceSession = { id: string; kind: string; userAgent: string | null; ip: string | null; createdAt: Date; lastSeenAt: Date; method: string; current: boolean };

export async function listSessions(scope: SessionScope): Promise<DeviceSession[]> {
  const rows = await db.userSession.findMany({
    where: { ...scopeWhere(scope), revokedAt: null, expiresAt: { gt: now() } },
    select: { id: true, kind: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, method: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({ ...r, current: r.id === scope.currentSessionId }));
}

/** "Esci da questo dispositivo": one session of the viewer's scope; another's is "not found". */
export async function signOutSession(opts: { scope: SessionScope; input: unknown; client?: Client }): Promise<{ current: boolean }> {
  const parsed = sessionIdInput.safeParse(opts.input);
  if (!parsed.success) throw new AccountError("invalid_input");
  await consumeChangeAllowance(opts.scope.owner);
  const id = parsed.data.sessionId;
  const found = await db.userSession.count({ where: { ...scopeWhere(opts.scope), id } });
  if (!found) throw new AccountError("not_found");
  await db.$transaction(async (tx) => {
    const n = await revokeSessions(tx, { owner: opts.scope.owner, only: id, reason: "signed-out-from-account" });
    if (n) await writeAudit(tx, { actor: ownerKey(opts.scope.owner), action: "auth.session_revoked", ...ownerEntity(opts.scope.owner), data: { sessionId: id }, ip: opts.client?.ip, userAgent: opts.client?.userAgent?.slice(0, 500) });
  });
  return { current: id === opts.scope.currentSessionId };
}

/**
 * "Esci da tutti i dispositivi": every session of the scope, this browser's too. From the account
 * (not a PEC mailbox login, whose scope is its mailbox) it also ends the account's pending links:
 * an e-mail change asked for by whoever had the password, reset links.
 */
export async function signOutEverywhere(opts: { scope: SessionScope; client?: Client }): Promise<number> {
  await consumeChangeAllowance(opts.scope.owner);
  return db.$transaction(async (tx) => {
    const at = now();
    const r = await tx.userSession.updateMany({ where: { ...scopeWhere(opts.scope), revokedAt: null }, data: { revokedAt: at, revokedReason: "signed-out-everywhere" } });
    const { owner } = opts.scope;
    const linksSpent = !isStaffOwner(owner) && !opts.scope.pecServiceId ? await spendPendingLinks(tx, owner.customerId, at) : 0;
    await recordSecurityChange(tx, owner, "signed-out-everywhere", { client: opts.client, data: { sessions: r.count, linksSpent } });
    return r.count;
  });
}
