import { beforeAll, describe, expect, it, vi } from "vitest";
import { hasSessionCookie, useSession } from "@/tests/request";

// The actions run as Next runs them, minus the request scope: the session cookie and headers come
// from tests/request.ts, and revalidatePath (which needs a render cache) does nothing.
vi.mock("next/headers", () => import("@/tests/request").then((m) => m.nextHeaders));
vi.mock("next-auth", (original) => import("@/tests/request").then((m) => m.nextAuthReadingCookies(original)));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { resendReceiptAction, settlePaymentAction } = await import("@/app/(staff)/backoffice/pagamenti/actions");
const { replyToRequestAction, setRequestStatusAction } = await import("@/app/(staff)/backoffice/richieste/actions");
const staffAccount = await import("@/app/(staff)/backoffice/account/actions");
const { getDb } = await import("@/lib/db");
const { seedDemoData } = await import("@/lib/demo/seed");
const { paidInvoice } = await import("@/lib/invoice-payments/test-helpers");
const { addStaff, resetStaffPassword } = await import("@/lib/staff-accounts");
const { submitSupportRequest } = await import("@/lib/support/submit");
const { openSession, liveSession } = await import("./session-registry");
const { requireStaff, requireStaffInSetup } = await import("./session");

const db = getDb();
beforeAll(async () => {
  await seedDemoData(db);
});

/** Where a page or an action sent the browser (Next's redirect is an error carrying its URL). */
async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "no redirect";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** Everything a back-office action could have changed. */
const state = async (requestId: string) => ({
  audit: await db.auditLog.count(),
  emails: await db.email.count(),
  jobs: await db.job.count(),
  replies: await db.supportReply.count(),
  request: (await db.supportRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } })).status,
  invoices: await db.invoice.findMany({ select: { status: true, balanceCents: true }, orderBy: { id: "asc" } }),
  recoveryCodes: await db.recoveryCode.findMany({ select: { codeHash: true }, orderBy: { codeHash: "asc" } }),
  liveSessions: await db.userSession.count({ where: { revokedAt: null } }),
});

async function staffSession(staffId: string, role: "AMMINISTRAZIONE" | "SUPPORTO_TECNICO") {
  const { sessionId } = await openSession({ subject: { kind: "STAFF", staffId }, method: "password" });
  await useSession({ sessionId, staffId, staffRole: role });
  return sessionId;
}

describe("finding 1: a staff session whose first access is pending", () => {
  it("is refused by every back-office action and page outside the first-access flow, which still works", async () => {
    const mistake = await paidInvoice({ regime: "SPLIT_PAYMENT" });
    const request = await submitSupportRequest({
      input: { category: "AMMINISTRAZIONE", reason: "OTHER", name: "Mario Rossi", email: "mario.rossi@example.it", customerCode: "C000123", message: "Richiesta per la prova del primo accesso." },
      ip: "198.51.100.40",
    });
    // A member of staff reset by an administrator (the authenticator kept): the one-time password
    // is still to be changed, so this session is pending although the account has a TOTP.
    const { username } = await addStaff({ username: "pending.admin", role: "amministrazione" });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { username }, select: { id: true } });
    await db.totpFactor.create({ data: { staffId: staff.id, secretEnc: "not-used", confirmedAt: new Date() } });
    const { oneTimePassword } = await resetStaffPassword({ username });
    const other = await staffSession(staff.id, "AMMINISTRAZIONE");
    const pending = await staffSession(staff.id, "AMMINISTRAZIONE");

    const before = await state(request.id);
    const setup = "/backoffice/primo-accesso";
    expect(await redirectOf(() => resendReceiptAction({ invoicePaymentId: mistake.payment.id, to: "attaccante@example.it" }))).toBe(setup);
    expect(await redirectOf(() => settlePaymentAction(form({ invoicePaymentId: mistake.payment.id, kind: "vat", invoiceId: mistake.invoice.id })))).toBe(setup);
    expect(await redirectOf(() => replyToRequestAction({ requestId: request.id, message: "Risposta da una sessione non ancora configurata." }))).toBe(setup);
    expect(await redirectOf(() => setRequestStatusAction(form({ requestId: request.id, status: "CLOSED" })))).toBe(setup);
    expect(await staffAccount.renewStaffRecoveryCodesAction({ currentPassword: oneTimePassword })).toEqual({ ok: false, error: "not_allowed" });
    expect(await staffAccount.staffSignOutSessionAction({ sessionId: other })).toEqual({ ok: false, error: "not_allowed" });
    expect(await staffAccount.staffSignOutEverywhereAction()).toEqual({ ok: false, error: "not_allowed" });
    expect(await redirectOf(() => requireStaff())).toBe(setup);
    expect(await state(request.id)).toEqual(before);
    expect(hasSessionCookie()).toBe(true);

    // The first-access flow itself: the page opens and the password can be replaced.
    expect(await requireStaffInSetup()).toMatchObject({ staffId: staff.id, setupPending: true });
    const mine = "la mia password del back office";
    expect(await staffAccount.changeStaffPasswordAction({ currentPassword: oneTimePassword, newPassword: mine, confirmPassword: mine })).toEqual({ ok: true, data: undefined });
    expect(await liveSession(pending)).not.toBeNull();

    // Set up, the same session may act (so the refusals above were the guard's, not the harness's).
    expect(await redirectOf(() => setRequestStatusAction(form({ requestId: request.id, status: "CLOSED" })))).toBe(`/backoffice/richieste/${request.id}?esito=closed`);
  });

  it("a new member of staff without an authenticator yet: refused too, even once the password is changed", async () => {
    const request = await submitSupportRequest({
      input: { category: "SUPPORTO_TECNICO", reason: "TECHNICAL_ERROR", name: "Mario Rossi", email: "mario.rossi@example.it", message: "Un'altra richiesta per la prova del primo accesso." },
      ip: "198.51.100.41",
    });
    const { username } = await addStaff({ username: "pending.support", role: "supporto" });
    const staff = await db.staffUser.findUniqueOrThrow({ where: { username }, select: { id: true } });
    await db.staffUser.update({ where: { id: staff.id }, data: { mustChangePassword: false } });
    await staffSession(staff.id, "SUPPORTO_TECNICO");
    const before = await state(request.id);
    expect(await redirectOf(() => replyToRequestAction({ requestId: request.id, message: "Risposta senza app di autenticazione." }))).toBe("/backoffice/primo-accesso");
    expect(await redirectOf(() => setRequestStatusAction(form({ requestId: request.id, status: "CLOSED" })))).toBe("/backoffice/primo-accesso");
    expect(await state(request.id)).toEqual(before);
  });
});
