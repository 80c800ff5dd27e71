"use server";

import { accountAction, type AccountActionResult } from "@/lib/account/action-result";
import { requestPasswordReset, resetPassword } from "@/lib/account/password-reset";
import { requestClient } from "@/lib/security/client";

/** "Invia il collegamento": the same answer whether or not an account matched. */
export async function requestPasswordResetAction(values: unknown): Promise<AccountActionResult> {
  const client = await requestClient();
  return accountAction("password-reset.request", () => requestPasswordReset({ input: values, ...client }));
}

/** "Salva la nuova password", from the link in the e-mail. */
export async function resetPasswordAction(values: unknown): Promise<AccountActionResult> {
  const client = await requestClient();
  return accountAction("password-reset.reset", () => resetPassword({ input: values, ...client }));
}
