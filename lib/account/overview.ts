import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getBillingProfile } from "./billing";
import { pendingEmailChange } from "./email-change";
import { listPasskeys } from "./passkeys";
import { listSessions, type SessionScope } from "./sessions";
import { totpStatus } from "./two-factor";

/** The sessions a customer viewer sees and signs out (a PEC mailbox login: that mailbox's only). */
export function sessionScopeOf(viewer: Viewer): SessionScope {
  return { owner: { customerId: viewer.customerId }, pecServiceId: viewer.pecServiceId, currentSessionId: viewer.sessionId };
}

/**
 * Il mio account. The account login sees everything; a PEC mailbox login only what concerns its
 * mailbox: where that mailbox's password is changed and the sessions opened with it.
 */
export async function getAccountOverview(viewer: Viewer) {
  const sessions = await listSessions(sessionScopeOf(viewer));
  if (viewer.pecServiceId) {
    const box = await db.pecMailbox.findFirst({ where: { serviceId: viewer.pecServiceId, service: { customerId: viewer.customerId } }, select: { address: true } });
    return { kind: "pec" as const, pecAddress: box?.address ?? "", sessions };
  }
  const customer = await db.customer.findUniqueOrThrow({
    where: { id: viewer.customerId },
    select: { displayName: true, customerCode: true, fiscalCode: true, vatNumber: true, username: true, email: true, publicBody: true },
  });
  const owner = { customerId: viewer.customerId };
  const [pendingEmail, billing, totp, passkeys] = await Promise.all([pendingEmailChange(viewer.customerId), getBillingProfile(viewer.customerId), totpStatus(owner), listPasskeys(viewer.customerId)]);
  return { kind: "account" as const, customer, pendingEmail, billing, totp, passkeys, sessions };
}
