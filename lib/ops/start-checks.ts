import { configuredGatewayName } from "@/lib/gateway/name";
import { isLiveKey, stripeSettings } from "@/lib/gateway/stripe/config";
import { providerProblems } from "@/lib/provider";
import { isDemo } from "./demo";

type Env = Record<string, string | undefined>;

/**
 * Why this process must not start, in words for whoever deploys it; empty when it may. A
 * production build never falls back to the sandbox bank silently: any card number "pays" there.
 */
export function startProblems(env: Env = process.env): string[] {
  const production = env.NODE_ENV === "production";
  const demo = isDemo(env);
  let gateway;
  try {
    gateway = configuredGatewayName(env);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  if (gateway === "sandbox" && production && !demo) {
    problems.push(
      "the bank is the sandbox (PAYMENT_GATEWAY unset or \"sandbox\"): any card number \"pays\" there and no money is received. " +
        "Set PAYMENT_GATEWAY=stripe with STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (README, \"Going live\"), " +
        "or AREA_DEMO=1 for a declared demo, where every page says that no payment is real",
    );
  }
  if (gateway === "stripe") {
    try {
      const settings = stripeSettings(env);
      if (isLiveKey(settings.secretKey) && (!production || demo)) problems.push("STRIPE_SECRET_KEY is a live key: use it only in a production start that is not a demo (sk_test_… elsewhere)");
      if (settings.api && production && !demo) problems.push("STRIPE_API_BASE sends Stripe's calls elsewhere than api.stripe.com: only for tests");
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (production && !demo) problems.push(...providerProblems(env));
  return problems;
}

export class StartRefused extends Error {
  override name = "StartRefused";
  constructor(readonly problems: string[]) {
    super(`Area Clienti refuses to start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Throws `StartRefused` with every problem at once, so a deployment is fixed in one go. */
export function assertStartable(env: Env = process.env) {
  const problems = startProblems(env);
  if (problems.length) throw new StartRefused(problems);
}
