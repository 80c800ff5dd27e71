/**
 * Vitest setup file: with TEST_GATEWAY=stripe every test file runs on Stripe instead of the
 * sandbox. A fake Stripe API (tests/fake-stripe) starts on loopback for the file, on the area's
 * clock (tests that move time move Stripe's too), and the area is configured as in production:
 * PAYMENT_GATEWAY=stripe, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, plus STRIPE_API_BASE.
 * Tests play the customer and the bank through lib/gateway/testing.ts.
 */
import { afterAll } from "vitest";
import { now } from "@/lib/clock";
import { startFakeStripe } from "./fake-stripe/server";

const requested = process.env.TEST_GATEWAY?.trim() || "sandbox";
if (requested !== "sandbox" && requested !== "stripe") throw new Error(`TEST_GATEWAY="${requested}": use sandbox (default) or stripe`);

if (requested === "stripe") {
  const fake = await startFakeStripe({ now: () => now().getTime() });
  process.env.PAYMENT_GATEWAY = "stripe";
  process.env.STRIPE_SECRET_KEY = fake.apiKey;
  process.env.STRIPE_WEBHOOK_SECRET = fake.webhookSecret;
  process.env.STRIPE_API_BASE = fake.url;
  afterAll(() => fake.stop());
} else {
  delete process.env.PAYMENT_GATEWAY;
}
