import { afterEach, expect, it, vi } from "vitest";
import { configuredGatewayName, getGateway } from ".";
import { stripeSettings } from "./stripe";

afterEach(() => vi.unstubAllEnvs());

it("picks the sandbox by default, and refuses an unknown gateway clearly", () => {
  expect(configuredGatewayName({})).toBe("sandbox");
  expect(configuredGatewayName({ PAYMENT_GATEWAY: " sandbox " })).toBe("sandbox");
  expect(configuredGatewayName({ PAYMENT_GATEWAY: "stripe" })).toBe("stripe");
  expect(() => configuredGatewayName({ PAYMENT_GATEWAY: "adyen" })).toThrow('PAYMENT_GATEWAY="adyen" is not a known payment gateway (known: sandbox, stripe)');
  expect(() => configuredGatewayName({ PAYMENT_GATEWAY: "toString" })).toThrow("not a known payment gateway");
  expect(getGateway().name).toBe(configuredGatewayName());
  expect(getGateway()).toBe(getGateway());
});

it("Stripe needs its secret key and the webhook endpoint's signing secret, and says where to find them", () => {
  expect(() => stripeSettings({})).toThrow("PAYMENT_GATEWAY=stripe needs STRIPE_SECRET_KEY");
  expect(() => stripeSettings({ STRIPE_SECRET_KEY: "pk_live_123" })).toThrow("does not look like a Stripe secret key");
  expect(() => stripeSettings({ STRIPE_SECRET_KEY: "sk_test_123" })).toThrow("needs STRIPE_WEBHOOK_SECRET");
  expect(stripeSettings({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toEqual({ secretKey: "sk_test_123", webhookSecret: "whsec_abc" });
  expect(stripeSettings({ STRIPE_SECRET_KEY: "rk_live_1", STRIPE_WEBHOOK_SECRET: "whsec_a", STRIPE_API_BASE: "http://127.0.0.1:4010" }).api).toEqual({ host: "127.0.0.1", port: 4010, protocol: "http" });
});
