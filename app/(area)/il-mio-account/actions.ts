"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/account/action-result";
import { saveBillingProfile } from "@/lib/account/billing";
import { cancelPendingEmailChange, requestEmailChange } from "@/lib/account/email-change";
import { AccountError } from "@/lib/account/errors";
import { sessionScopeOf } from "@/lib/account/overview";
import { addPasskey, passkeyCreationOptions, removePasskey } from "@/lib/account/passkeys";
import { changePassword } from "@/lib/account/password";
import { signOutEverywhere, signOutSession } from "@/lib/account/sessions";
import { confirmTotpSetup, disableTotp, renewRecoveryCodes, startTotpSetup } from "@/lib/account/two-factor";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sign-out";
import { requestClient, type RequestClient } from "@/lib/security/client";

/**
 * The actions of Il mio account. Each finds the viewer itself; a PEC mailbox login may only sign
 * its own sessions out (the account's data, e-mail, password and second step are not its own).
 */
function asViewer<T>(what: string, run: (viewer: Viewer, client: RequestClient) => Promise<T>, opts: { pecAllowed?: boolean; refresh?: boolean } = {}) {
  return accountAction(what, async () => {
    const viewer = await getViewer();
    if (!viewer || (viewer.pecServiceId && !opts.pecAllowed)) throw new AccountError("not_allowed");
    const result = await run(viewer, await requestClient());
    if (opts.refresh !== false) revalidatePath("/il-mio-account");
    return result;
  });
}
const owner = (v: Viewer) => ({ customerId: v.customerId });

export async function changePasswordAction(values: unknown) {
  return asViewer("password.change", (v, client) => changePassword({ owner: owner(v), sessionId: v.sessionId, input: values, client }));
}

export async function requestEmailChangeAction(values: unknown) {
  return asViewer("email.request", (v, client) => requestEmailChange({ customerId: v.customerId, input: values, client }));
}

/** "Annulla la modifica": the pending change of the registered e-mail ends. */
export async function cancelEmailChangeAction() {
  return asViewer("email.cancel", (v, client) => cancelPendingEmailChange({ customerId: v.customerId, client }));
}

export async function saveBillingAction(values: unknown) {
  return asViewer("billing.save", async (v, client) => void (await saveBillingProfile({ customerId: v.customerId, input: values, client })));
}

/** "Esci da questo dispositivo"; when it is this browser, its cookie goes too. */
export async function signOutSessionAction(values: unknown) {
  return asViewer("sessions.one", async (v, client) => {
    const r = await signOutSession({ scope: sessionScopeOf(v), input: values, client });
    if (r.current) await endSession();
    return r;
  }, { pecAllowed: true });
}

/** "Esci da tutti i dispositivi", this one included. */
export async function signOutEverywhereAction() {
  return asViewer("sessions.all", async (v, client) => {
    await signOutEverywhere({ scope: sessionScopeOf(v), client });
    await endSession();
  }, { pecAllowed: true });
}

export async function startTotpSetupAction(values: unknown) {
  return asViewer("totp.start", (v) => startTotpSetup({ owner: owner(v), sessionId: v.sessionId, input: values }));
}
export async function confirmTotpAction(values: unknown) {
  // No refresh: the set-up page would move on before the recovery codes are shown.
  return asViewer("totp.confirm", (v, client) => confirmTotpSetup({ owner: owner(v), sessionId: v.sessionId, input: values, client }), { refresh: false });
}
export async function disableTotpAction(values: unknown) {
  return asViewer("totp.disable", (v, client) => disableTotp({ owner: owner(v), input: values, client }));
}
export async function renewRecoveryCodesAction(values: unknown) {
  return asViewer("totp.codes", (v, client) => renewRecoveryCodes({ owner: owner(v), input: values, client }));
}

export async function passkeyOptionsAction(values: unknown) {
  return asViewer("passkey.options", (v) => passkeyCreationOptions({ customerId: v.customerId, input: values }));
}
export async function addPasskeyAction(values: unknown) {
  return asViewer("passkey.add", (v, client) => addPasskey({ customerId: v.customerId, input: values, client }));
}
export async function removePasskeyAction(values: unknown) {
  return asViewer("passkey.remove", (v, client) => removePasskey({ customerId: v.customerId, input: values, client }));
}
