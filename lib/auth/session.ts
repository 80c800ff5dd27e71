import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/db/generated/enums";
import { readSessionCookie } from "./session-cookie";
import { liveSession } from "./session-registry";

/** Who is looking: a customer, possibly limited to one PEC mailbox (login with the PEC). */
export type Viewer = { customerId: string; username: string; pecServiceId?: string; /** The UserSession of this browser. */ sessionId?: string };

// Cached per request: the layout and the page both ask. The cookie must name a session still
// open in the registry (one primary-key lookup): signed out elsewhere, it opens nothing.
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSessionCookie();
  // A staff session never opens the customer area.
  if (!session?.customerId || session.staffId) return null;
  const live = await liveSession(session.sessionId);
  if (!live || live.customerId !== session.customerId || (live.pecServiceId ?? undefined) !== session.pecServiceId) return null;
  return { customerId: session.customerId, username: session.username ?? "", pecServiceId: session.pecServiceId, sessionId: live.id };
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/**
 * Pages that change the account itself (its cards): a login with a PEC mailbox's password opens
 * that mailbox only, so it is sent back to the read-only list.
 */
export async function requireAccountViewer(back: string): Promise<Viewer> {
  const viewer = await requireViewer();
  if (viewer.pecServiceId) redirect(back);
  return viewer;
}

/** A logged-in member of staff, as the database knows them now (a changed role applies at once). */
export type Staff = {
  staffId: string;
  username: string;
  displayName: string;
  role: StaffRole;
  sessionId?: string;
  /** The one-time password is still to be changed, or the authenticator to be set up. */
  setupPending?: boolean;
  /** The second step was blocked after the right password (someone knows it): shown until the password is changed. */
  secondStepBlockedAt?: Date;
};

export const STAFF_LOGIN_PATH = "/backoffice/accesso";
export const STAFF_SETUP_PATH = "/backoffice/primo-accesso";

// Cached per request: the back office's layout and its page both ask. A disabled member of staff,
// or a session signed out, is nobody.
export const getStaff = cache(async (): Promise<Staff | null> => {
  const session = await readSessionCookie();
  if (!session?.staffId || session.customerId) return null;
  const live = await liveSession(session.sessionId);
  if (!live || live.staffId !== session.staffId) return null;
  const staff = await db.staffUser.findUnique({
    where: { id: session.staffId },
    select: { id: true, username: true, displayName: true, role: true, disabledAt: true, mustChangePassword: true, secondStepBlockedAt: true, totp: { select: { confirmedAt: true } } },
  });
  if (!staff || staff.disabledAt) return null;
  const setupPending = staff.mustChangePassword || !staff.totp?.confirmedAt;
  return { staffId: staff.id, username: staff.username, displayName: staff.displayName, role: staff.role, sessionId: session.sessionId, setupPending, secondStepBlockedAt: staff.secondStepBlockedAt ?? undefined };
});

/** What a back-office page or action needs of the staff session. */
export type StaffNeed = {
  role?: StaffRole;
  /** The first-access flow itself (replacing the one-time password, setting up the authenticator). */
  duringSetup?: boolean;
};
export type StaffRefusal = "login" | "setup" | "not_found";

/**
 * The back office's one rule, for pages (requireStaff) and server actions (staffForAction, the
 * staff account's actions) alike. Nobody logged in: "login". Until the one-time password is
 * changed and the authenticator set up, only the first-access flow: "setup" for anything else.
 * Staff of another role: "not_found", which says nothing about what is there.
 */
export function staffRefusal(staff: Staff | null, need: StaffNeed = {}): StaffRefusal | null {
  if (!staff) return "login";
  if (staff.setupPending && !need.duringSetup) return "setup";
  if (need.role && staff.role !== need.role) return "not_found";
  return null;
}

/**
 * Every back-office page and action starts here (actions through staffForAction). Nobody logged
 * in goes to the staff login (a customer gets "not found"); a pending set-up to the first-access
 * page; staff of another role get "not found".
 */
export async function requireStaff(role?: StaffRole, opts: { duringSetup?: boolean } = {}): Promise<Staff> {
  const staff = await getStaff();
  const refusal = staffRefusal(staff, { role, ...opts });
  if (refusal === "login") {
    if (await getViewer()) notFound();
    redirect(STAFF_LOGIN_PATH);
  }
  if (refusal === "setup") redirect(STAFF_SETUP_PATH);
  if (refusal === "not_found") notFound();
  return staff!;
}

/** The first-access page itself: a staff session whose set-up is pending (or done: it moves on). */
export async function requireStaffInSetup(): Promise<Staff> {
  return requireStaff(undefined, { duringSetup: true });
}
