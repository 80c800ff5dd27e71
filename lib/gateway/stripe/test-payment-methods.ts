/**
 * Stripe's test PaymentMethods (docs.stripe.com/testing): how test code saves a card in test mode
 * without sending a card number. The fake Stripe API knows them too; only tests use them.
 */
export const testPaymentMethods: Record<string, string> = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_amex: "378282246310005",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_chargeDeclinedExpiredCard: "4000000000000069",
  pm_card_authenticationRequired: "4000002760003184",
  pm_card_authenticationRequiredOnSetup: "4000002500003155",
  pm_card_authenticationRequiredChargeDeclinedInsufficientFunds: "4000008260003178",
  pm_card_chargeCustomerFail: "4000000000000341",
};

/** The test PaymentMethod Stripe documents for a card number (for the test seam's saved cards). */
export function testPaymentMethodFor(number: string): string | null {
  const digits = number.replace(/\D/g, "");
  return Object.entries(testPaymentMethods).find(([, n]) => n === digits)?.[0] ?? null;
}

