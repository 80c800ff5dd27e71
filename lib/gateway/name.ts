/** The banks this build can talk to; the sandbox is the default. Pure: the proxy reads it too. */
export const GATEWAY_NAMES = ["sandbox", "stripe"] as const;
export type GatewayName = (typeof GATEWAY_NAMES)[number];

/** The configured gateway's name; throws on a value no implementation answers to. */
export function configuredGatewayName(env: Record<string, string | undefined> = process.env): GatewayName {
  const name = env.PAYMENT_GATEWAY?.trim() || "sandbox";
  if (!(GATEWAY_NAMES as readonly string[]).includes(name)) {
    throw new Error(`PAYMENT_GATEWAY="${name}" is not a known payment gateway (known: ${GATEWAY_NAMES.join(", ")})`);
  }
  return name as GatewayName;
}
