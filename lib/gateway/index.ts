import "server-only";
import { sandboxGateway } from "./sandbox";
import { createStripeGateway, stripeSettings } from "./stripe";
import type { PaymentGateway } from "./types";

export type * from "./types";
export { GatewayError, type GatewayErrorCode } from "./errors";

const implementations: Record<string, () => PaymentGateway> = {
  sandbox: () => sandboxGateway,
  stripe: () => createStripeGateway(stripeSettings()),
};

/** The configured gateway's name; throws on a value no implementation answers to. */
export function configuredGatewayName(env: Record<string, string | undefined> = process.env): string {
  const name = env.PAYMENT_GATEWAY?.trim() || "sandbox";
  if (!Object.hasOwn(implementations, name)) {
    const known = Object.keys(implementations).join(", ");
    throw new Error(`PAYMENT_GATEWAY="${name}" is not a known payment gateway (known: ${known})`);
  }
  return name;
}

// One instance per process: Next may evaluate this module in several bundles.
const holder = ((globalThis as { __areaGateway?: { gateway?: PaymentGateway } }).__areaGateway ??= {});

/**
 * The gateway the payment use cases talk to, chosen by PAYMENT_GATEWAY (default "sandbox").
 * Call it (or `configuredGatewayName`) at server start to fail fast on a misconfiguration.
 */
export function getGateway(): PaymentGateway {
  return (holder.gateway ??= implementations[configuredGatewayName()]());
}
