import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startProblems } from "./start-checks";

const provider = { PROVIDER_NAME: "Servizi Fiduciari S.p.A.", PROVIDER_ADDRESS: "Via Roma 1, 20121 Milano (MI)", PROVIDER_VAT_NUMBER: "IT01234567897", PROVIDER_SUPPORT_EMAIL: "assistenza@servizi.example" };
const stripe = { PAYMENT_GATEWAY: "stripe", STRIPE_SECRET_KEY: "sk_live_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123" };
const prod = { NODE_ENV: "production" };

describe("a production start", () => {
  it("refuses the sandbox bank, saying what to set", () => {
    const [problem, ...others] = startProblems({ ...prod, ...provider });
    expect(problem).toMatch(/the bank is the sandbox .*any card number "pays".*PAYMENT_GATEWAY=stripe with STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.*AREA_DEMO=1/);
    expect(others).toEqual([]);
    expect(startProblems({ ...prod, ...provider, PAYMENT_GATEWAY: "sandbox" })).toHaveLength(1);
  });

  it("accepts the sandbox in a declared demo (AREA_DEMO=1), without the provider's identity", () => {
    expect(startProblems({ ...prod, AREA_DEMO: "1" })).toEqual([]);
    expect(startProblems({ ...prod, AREA_DEMO: "yes" })).not.toEqual([]);
  });

  it("on Stripe: needs both keys, and the provider's identity; then starts", () => {
    expect(startProblems({ ...prod, ...provider, PAYMENT_GATEWAY: "stripe" })).toEqual([expect.stringContaining("needs STRIPE_SECRET_KEY")]);
    expect(startProblems({ ...prod, ...provider, ...stripe, STRIPE_WEBHOOK_SECRET: "" })).toEqual([expect.stringContaining("needs STRIPE_WEBHOOK_SECRET")]);
    expect(startProblems({ ...prod, ...stripe })).toEqual([expect.stringContaining("set PROVIDER_NAME, PROVIDER_ADDRESS, PROVIDER_VAT_NUMBER, PROVIDER_SUPPORT_EMAIL")]);
    expect(startProblems({ ...prod, ...provider, ...stripe })).toEqual([]);
  });

  it("refuses a fake Stripe address and a wrong provider identity", () => {
    expect(startProblems({ ...prod, ...provider, ...stripe, STRIPE_API_BASE: "http://127.0.0.1:4010" })).toEqual([expect.stringContaining("STRIPE_API_BASE")]);
    expect(startProblems({ ...prod, ...stripe, ...provider, PROVIDER_VAT_NUMBER: "12345678901" })).toEqual([expect.stringContaining("not a valid partita IVA")]);
    expect(startProblems({ ...prod, ...stripe, ...provider, PROVIDER_LOGO: "/nowhere/logo.png" })).toEqual([expect.stringContaining("PROVIDER_LOGO")]);
    const logo = path.join(mkdtempSync(path.join(tmpdir(), "logo-")), "logo.png");
    writeFileSync(logo, "png");
    expect(startProblems({ ...prod, ...stripe, ...provider, PROVIDER_LOGO: logo })).toEqual([]);
  });
});

describe("elsewhere", () => {
  it("development runs on the sandbox with the demo company", () => {
    expect(startProblems({})).toEqual([]);
    expect(startProblems({ NODE_ENV: "development" })).toEqual([]);
  });

  it("a live Stripe key is for production only, never for a demo", () => {
    expect(startProblems({ ...stripe })).toEqual([expect.stringContaining("live key")]);
    expect(startProblems({ ...prod, AREA_DEMO: "1", ...stripe })).toEqual([expect.stringContaining("live key")]);
    expect(startProblems({ ...stripe, STRIPE_SECRET_KEY: "sk_test_abc" })).toEqual([]);
  });

  it("an unknown bank is refused everywhere", () => {
    expect(startProblems({ PAYMENT_GATEWAY: "adyen" })).toEqual([expect.stringContaining('PAYMENT_GATEWAY="adyen" is not a known payment gateway')]);
  });
});
