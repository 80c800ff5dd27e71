import type { EmailTemplateName } from "../catalog";
import type { EmailTemplate } from "../types";
import { loginLocked } from "./login-locked";
import { paymentConfirmed } from "./payment-confirmed";
import { renewalActivated } from "./renewal-activated";

/** Every template in the catalog must have one here: the type refuses a missing one. */
export const emailTemplates: { [N in EmailTemplateName]: EmailTemplate<N> } = {
  "login-locked": loginLocked,
  "payment-confirmed": paymentConfirmed,
  "renewal-activated": renewalActivated,
};
