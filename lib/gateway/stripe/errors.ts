import Stripe from "stripe";
import { GatewayError } from "../errors";

export const isStripeError = (error: unknown): error is Stripe.errors.StripeError => error instanceof Stripe.errors.StripeError;

/** A 404 from Stripe: the object does not exist (for this account and mode). */
export const isMissing = (error: unknown) => isStripeError(error) && (error.code === "resource_missing" || error.statusCode === 404);

/** Stripe's 400 for a key reused with other parameters becomes the interface's own conflict. */
export function rethrowIdempotency(error: unknown): never {
  if (error instanceof Stripe.errors.StripeIdempotencyError) throw new GatewayError("idempotency_conflict", error.message);
  throw error;
}
