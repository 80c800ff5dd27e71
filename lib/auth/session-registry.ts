import "server-only";
import { actorOf, writeAudit } from "@/lib/audit";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { SessionKind } from "@/lib/db/generated/enums";
import { queueEmail } from "@/lib/email";
import { describeDevice } from "./device";
import { hashToken, newToken } from "./tokens";

/**
 * The server-side registry of signed-in browsers (UserSession). The session cookie (next-auth's
 * JWT) carries the row's id; every request checks the row with one primary-key lookup, so a
 * session signed out from another device, by a password change or by disabling a member of
 * staff stops working at once. `lastSeenAt` is written at most every SESSION_TOUCH_MS. A session
 * lasts SESSION_MAX_AGE_SECONDS from its last use, and never past SESSION_ABSOLUTE_MS from its opening.
 */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
export const SESSION_TOUCH_MS = 5 * 60 * 1000;
/**
 * However busy, a session ends this long after it opened (the sliding expiry above would keep a
 * stolen cookie alive for as long as it is used): a day for customers, a working day for staff.
 */
export const SESSION_ABSOLUTE_MS: Record<SessionKind, number> = { ACCOUNT: 24 * 60 * 60 * 1000, PEC: 24 * 60 * 60 * 1000, STAFF: 12 * 60 * 60 * 1000 };

/** The sliding expiry from `at`, never past the session's absolute end. */
const expiryFrom = (at: Date, kind: SessionKind, createdAt: Date) => new Date(Math.min(at.getTime() + SESSION_MAX_AGE_SECONDS * 1000, createdAt.getTime() + SESSION_ABSOLUTE_MS[kind]));

export type SessionSubject =
  | { kind: "ACCOUNT"; customerId: string }
  | { kind: "PEC"; customerId: string; pecServiceId: string }
  | { kind: "STAFF"; staffId: string };

export type OpenedSession = { sessionId: string; deviceToken: string };

const ownerOf = (s: SessionSubject) => (s.kind === "STAFF" ? { staffId: s.staffId } : { customerId: s.customerId });

/**
 * Opens a session for a login that succeeded. The browser's device cookie (a random token, only
 * its hash is stored) tells whether this browser signed in to this account before; if it did
 * not, and the account has signed in from somewhere else before, the owner is told by e-mail.
 */
export async function openSession(opts: { subject: SessionSubject; method: string; ip?: string; userAgent?: string; deviceToken?: string }): Promise<OpenedSession> {
  const at = now();
  const deviceToken = opts.deviceToken && /^[A-Za-z0-9_-]{43}$/.test(opts.deviceToken) ? opts.deviceToken : newToken();
  const owner = ownerOf(opts.subject);
  const userAgent = opts.userAgent?.slice(0, 500);
  return db.$transaction(async (tx) => {
    const session = await tx.userSession.create({
      data: {
        kind: opts.subject.kind as SessionKind,
        ...owner,
        pecServiceId: opts.subject.kind === "PEC" ? opts.subject.pecServiceId : undefined,
        method: opts.method,
        ip: opts.ip,
        userAgent,
        createdAt: at,
        lastSeenAt: at,
        expiresAt: expiryFrom(at, opts.subject.kind, at),
      },
      select: { id: true },
    });
    const seenBefore = await tx.knownDevice.count({ where: owner });
    const inserted = await tx.knownDevice.createMany({ data: [{ ...owner, deviceHash: hashToken(deviceToken), createdAt: at }], skipDuplicates: true });
    if (inserted.count === 1 && seenBefore > 0) await announceNewDevice(tx, opts.subject, { at, ip: opts.ip, userAgent });
    return { sessionId: session.id, deviceToken };
  });
}

async function announceNewDevice(tx: Tx, subject: SessionSubject, seen: { at: Date; ip?: string; userAgent?: string }) {
  const actor = subject.kind === "STAFF" ? actorOf.staff(subject.staffId) : actorOf.customer(subject.customerId);
  const entity = subject.kind === "STAFF" ? { entity: "StaffUser", entityId: subject.staffId } : { entity: "customer", entityId: subject.customerId };
  await writeAudit(tx, { actor, action: "auth.new_device", ...entity, data: { kind: subject.kind }, ip: seen.ip, userAgent: seen.userAgent });
  // Staff have no e-mail address in the system: the audit log is their record.
  if (subject.kind === "STAFF") return;
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: subject.customerId }, select: { displayName: true, email: true, locale: true } });
  const pecAddress = subject.kind === "PEC" ? (await tx.pecMailbox.findUnique({ where: { serviceId: subject.pecServiceId }, select: { address: true } }))?.address : undefined;
  await queueEmail(tx, {
    to: customer.email,
    template: "new-device-sign-in",
    props: { name: customer.displayName, at: seen.at.toISOString(), device: describeDevice(seen.userAgent, customer.locale), ip: seen.ip ?? "—", pecAddress },
    locale: customer.locale,
  });
}

export type LiveSession = { id: string; kind: SessionKind; customerId: string | null; staffId: string | null; pecServiceId: string | null };

/** The session behind a cookie, if it is still open (and not a disabled member of staff's); touches lastSeenAt when it is stale. */
export async function liveSession(sessionId: unknown): Promise<LiveSession | null> {
  if (typeof sessionId !== "string" || !/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, kind: true, customerId: true, staffId: true, pecServiceId: true, revokedAt: true, createdAt: true, expiresAt: true, lastSeenAt: true, staff: { select: { disabledAt: true } } },
  });
  const at = now();
  if (!row || row.revokedAt || row.expiresAt <= at || row.staff?.disabledAt) return null;
  // Rows written before the absolute lifetime existed carry a purely sliding expiry.
  if (row.createdAt.getTime() + SESSION_ABSOLUTE_MS[row.kind] <= at.getTime()) return null;
  if (at.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await db.userSession.updateMany({
      where: { id: row.id, revokedAt: null, lastSeenAt: row.lastSeenAt },
      data: { lastSeenAt: at, expiresAt: expiryFrom(at, row.kind, row.createdAt) },
    });
  }
  return { id: row.id, kind: row.kind, customerId: row.customerId, staffId: row.staffId, pecServiceId: row.pecServiceId };
}

export type SessionOwner = { customerId: string } | { staffId: string };

/**
 * Signs sessions out, inside the caller's transaction: one (`only`), or every one of the owner's
 * except `keep` (the browser asking). Conditional on revokedAt being null: a second click changes nothing.
 */
export async function revokeSessions(tx: Tx, opts: { owner: SessionOwner; reason: string; only?: string; keep?: string }): Promise<number> {
  const where = {
    ...opts.owner,
    revokedAt: null,
    ...(opts.only ? { id: opts.only } : {}),
    ...(opts.keep ? { NOT: { id: opts.keep } } : {}),
  };
  const r = await tx.userSession.updateMany({ where, data: { revokedAt: now(), revokedReason: opts.reason } });
  return r.count;
}
