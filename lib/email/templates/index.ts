import type { EmailTemplateName } from "../catalog";
import type { EmailTemplate } from "../types";
import { cardExpiring } from "./card-expiring";
import { loginLocked } from "./login-locked";
import { paymentConfirmed } from "./payment-confirmed";
import { renewalActivated } from "./renewal-activated";
import { renewalFailed } from "./renewal-failed";
import { serviceExpired } from "./service-expired";
import { serviceExpiring } from "./service-expiring";
import { renewalDeactivated } from "./renewal-deactivated";
import { supportRequestReceived } from "./support-request-received";
import { invoicePaymentRefunded } from "./invoice-payment-refunded";
import { invoiceVatBalance } from "./invoice-vat-balance";
import { supportReply } from "./support-reply";
import { receipt } from "./receipt";
import { paymentsList } from "./payments-list";
import { emailChangeConfirm, emailChangeNotice } from "./account/email-change";
import { passwordReset } from "./account/password-reset";
import { newDeviceSignIn, secondStepBlocked, securityChange } from "./account/security";

/** Every template in the catalog must have one here: the type refuses a missing one. */
export const emailTemplates: { [N in EmailTemplateName]: EmailTemplate<N> } = {
  "login-locked": loginLocked,
  "payment-confirmed": paymentConfirmed,
  "renewal-activated": renewalActivated,
  "renewal-failed": renewalFailed,
  "service-expired": serviceExpired,
  "service-expiring": serviceExpiring,
  "card-expiring": cardExpiring,
  "renewal-deactivated": renewalDeactivated,
  "support-request-received": supportRequestReceived,
  "support-reply": supportReply,
  "invoice-vat-balance": invoiceVatBalance,
  "invoice-payment-refunded": invoicePaymentRefunded,
  receipt,
  "payments-list": paymentsList,
  "password-reset": passwordReset,
  "email-change-confirm": emailChangeConfirm,
  "email-change-notice": emailChangeNotice,
  "new-device-sign-in": newDeviceSignIn,
  "security-change": securityChange,
  "second-step-blocked": secondStepBlocked,
};
