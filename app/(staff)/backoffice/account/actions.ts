"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/account/action-result";
import { AccountError } from "@/lib/account/errors";
import { changePassword } from "@/lib/account/password";
import { signOutEverywhere, signOutSession } from "@/lib/account/sessions";
import { confirmTotpSetup, renewRecoveryCodes, startTotpSetup } from "@/lib/account/two-factor";
import { getStaff, staffRefusal, type Staff } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sign-out";
import { requestClient, type RequestClient } from "@/lib/security/client";

/**
 * A member of staff's own account. The first-access page's actions (replacing the one-time
 * password, setting up the authenticator) are `duringSetup`; the others, like every back-office
 * action, refuse a session whose set-up is pending (staffRefusal, the pages' rule).
 */
function asStaff<T>(what: string, run: (staff: Staff, client: RequestClient) => Promise<T>, opts: { refresh?: boolean; duringSetup?: boolean } = {}) {
  return accountAction(what, async () => {
    const staff = await getStaff();
    if (staffRefusal(staff, { duringSetup: opts.duringSetup })) throw new AccountError("not_allowed");
    const result = await run(staff!, await requestClient());
    if (opts.refresh !== false) revalidatePath("/backoffice", "layout");
    return result;
  });
}
const owner = (s: Staff) => ({ staffId: s.staffId });
const scope = (s: Staff) => ({ owner: owner(s), currentSessionId: s.sessionId });

export async function changeStaffPasswordAction(values: unknown) {
  return asStaff("staff.password", (s, client) => changePassword({ owner: owner(s), sessionId: s.sessionId, input: values, client }), { duringSetup: true });
}

export async function startStaffTotpAction(values: unknown) {
  return asStaff("staff.totp.start", (s) => startTotpSetup({ owner: owner(s), sessionId: s.sessionId, input: values }), { duringSetup: true });
}

export async function confirmStaffTotpAction(values: unknown) {
  // No refresh: the page would move on before the recovery codes are shown.
  return asStaff("staff.totp.confirm", (s, client) => confirmTotpSetup({ owner: owner(s), sessionId: s.sessionId, input: values, client }), { refresh: false, duringSetup: true });
}

export async function renewStaffRecoveryCodesAction(values: unknown) {
  return asStaff("staff.totp.codes", (s, client) => renewRecoveryCodes({ owner: owner(s), input: values, client }));
}

export async function staffSignOutSessionAction(values: unknown) {
  return asStaff("staff.sessions.one", async (s, client) => {
    const r = await signOutSession({ scope: scope(s), input: values, client });
    if (r.current) await endSession();
    return r;
  });
}

export async function staffSignOutEverywhereAction() {
  return asStaff("staff.sessions.all", async (s, client) => {
    await signOutEverywhere({ scope: scope(s), client });
    await endSession();
  });
}
