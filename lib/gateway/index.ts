import "server-only";
import { sandboxGateway } from "./sandbox";
import { createStripeGateway, stripeSettings } from "./stripe";
import { configuredGatewayName, type GatewayName } from "./name";
import type { PaymentGateway } from "./types";

export type * from "./types";
export { GatewayError, type GatewayErrorCode } from "./errors";

const implementations: Record<GatewayName, () => PaymentGateway> = {
  sandbox: () => sandboxGateway,
  stripe: () => createStripeGateway(stripeSettings()),
};

export { configuredGatewayName, type GatewayName };

// One instance per process: Next may evaluate this module in several bundles.
const holder = ((globalThis as { __areaGateway?: { gateway?: PaymentGateway } }).__areaGateway ??= {});

/**
 * The gateway the payment use cases talk to, chosen by PAYMENT_GATEWAY (default "sandbox").
 * Call it (or `configuredGatewayName`) at server start to fail fast on a misconfiguration.
 */
export function getGateway(): PaymentGateway {
  return (holder.gateway ??= implementations[configuredGatewayName()]());
}
