"use server";

import { accountAction, type AccountActionResult } from "@/lib/account/action-result";
import { confirmEmailChange } from "@/lib/account/email-change";
import { formValue } from "@/lib/security/form-input";
import { requestClient } from "@/lib/security/client";

/**
 * "Conferma il nuovo indirizzo": a button, so that a mail scanner opening the link confirms
 * nothing, and the account's password, so that the link alone confirms nothing either.
 */
export async function confirmEmailAction(formData: unknown): Promise<AccountActionResult<{ email: string }>> {
  const client = await requestClient();
  return accountAction("email.confirm", () => confirmEmailChange({ token: formValue(formData, "token"), currentPassword: formValue(formData, "currentPassword"), client }));
}
