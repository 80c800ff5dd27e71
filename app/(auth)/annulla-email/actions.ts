"use server";

import { accountAction, type AccountActionResult } from "@/lib/account/action-result";
import { cancelEmailChangeByLink } from "@/lib/account/email-change";
import { formValue } from "@/lib/security/form-input";
import { requestClient } from "@/lib/security/client";

/** "Annulla la modifica", from the notice to the old address: a button, so a mail scanner cancels nothing. */
export async function cancelEmailChangeAction(formData: unknown): Promise<AccountActionResult<{ email: string }>> {
  const client = await requestClient();
  return accountAction("email.cancel-link", () => cancelEmailChangeByLink({ token: formValue(formData, "token"), client }));
}
