import Stripe from "stripe";

/**
 * What the Stripe adapter needs from the environment. A wrong or missing value stops the server at
 * start (instrumentation.ts calls `stripeSettings` through `checkGatewayConfig`), not at the
 * first payment.
 */
export type StripeSettings = {
  secretKey: string;
  webhookSecret: string;
  /** Only for tests: a fake Stripe API on loopback (STRIPE_API_BASE=http://127.0.0.1:PORT). */
  api?: { host: string; port: number; protocol: "http" | "https" };
};

export class StripeConfigError extends Error {
  override name = "StripeConfigError";
}

export function stripeSettings(env: Record<string, string | undefined> = process.env): StripeSettings {
  const secretKey = env.STRIPE_SECRET_KEY?.trim() ?? "";
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim() ?? "";
  if (!secretKey) {
    throw new StripeConfigError("PAYMENT_GATEWAY=stripe needs STRIPE_SECRET_KEY: the secret key (sk_live_… or sk_test_…, or a restricted rk_… key) from the Stripe Dashboard, Developers › API keys");
  }
  if (!/^(sk|rk)_(live|test)_[0-9A-Za-z]+$/.test(secretKey)) {
    throw new StripeConfigError("STRIPE_SECRET_KEY does not look like a Stripe secret key (sk_live_…, sk_test_…, rk_live_… or rk_test_…)");
  }
  if (!/^whsec_[0-9A-Za-z]+$/.test(webhookSecret)) {
    throw new StripeConfigError("PAYMENT_GATEWAY=stripe needs STRIPE_WEBHOOK_SECRET: the signing secret (whsec_…) of the webhook endpoint <APP_URL>/api/payments/notify registered in the Stripe Dashboard");
  }
  const base = env.STRIPE_API_BASE?.trim();
  if (!base) return { secretKey, webhookSecret };
  const url = new URL(base);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new StripeConfigError("STRIPE_API_BASE must be an http(s) URL");
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { secretKey, webhookSecret, api: { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol } };
}

/** Live keys move real money: the start-up check refuses them outside production, and the reverse. */
export const isLiveKey = (secretKey: string) => /^(sk|rk)_live_/.test(secretKey);

export function stripeClient(settings: StripeSettings): Stripe {
  return new Stripe(settings.secretKey, {
    // Retries carry the same Idempotency-Key, so a lost answer is replayed, never charged twice.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "area-clienti" },
    ...(settings.api ?? {}),
  });
}
