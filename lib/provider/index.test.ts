import { expect, it } from "vitest";
import { demoSeedRefusal } from "@/lib/demo/seed";
import { DEMO_PROVIDER, providerIdentity, providerProblems } from ".";

it("the provider's identity comes from the deployment, the demo company otherwise", () => {
  expect(providerIdentity({})).toEqual(DEMO_PROVIDER);
  expect(providerIdentity({ PROVIDER_NAME: " Servizi Fiduciari S.p.A. ", PROVIDER_ADDRESS: "Via Roma 1, Milano", PROVIDER_VAT_NUMBER: "01234567897", PROVIDER_SUPPORT_EMAIL: "aiuto@sf.example", PROVIDER_SUPPORT_PHONE: "+39 02 1234" })).toEqual({
    name: "Servizi Fiduciari S.p.A.", address: "Via Roma 1, Milano", vatNumber: "01234567897", logoPath: null, supportEmail: "aiuto@sf.example", supportPhone: "+39 02 1234",
  });
  expect(providerProblems({ PROVIDER_NAME: "X" })).toEqual([expect.stringContaining("set PROVIDER_ADDRESS, PROVIDER_VAT_NUMBER, PROVIDER_SUPPORT_EMAIL")]);
  expect(providerProblems({ PROVIDER_NAME: "X", PROVIDER_ADDRESS: "a", PROVIDER_VAT_NUMBER: "IT01234567897", PROVIDER_SUPPORT_EMAIL: "not-an-address" })).toEqual([expect.stringContaining("not an e-mail address")]);
});

it("the demo seed refuses production unless the deployment is a declared demo", () => {
  expect(demoSeedRefusal({ NODE_ENV: "production" })).toMatch(/refuses to run in production.*Demo1234!.*AREA_DEMO=1/);
  expect(demoSeedRefusal({ NODE_ENV: "production", AREA_DEMO: "1" })).toBeNull();
  expect(demoSeedRefusal({})).toBeNull();
});
