import { describe, expect, it } from "vitest";
import { ceilingAmountCents, renewalConsentFor, type RenewingService } from "./ceiling";

const spid: RenewingService = { id: "spid", renewalPriceCents: 2490, autoRenewal: true, autoRenewalAvailable: true };
const fe: RenewingService = { id: "fe", renewalPriceCents: 2500, autoRenewal: true, autoRenewalAvailable: true };
const pecOff: RenewingService = { id: "pec", renewalPriceCents: 900, autoRenewal: false, autoRenewalAvailable: true };
const firma: RenewingService = { id: "firma", renewalPriceCents: 3900, autoRenewal: false, autoRenewalAvailable: false };
const cons: RenewingService = { id: "cons", renewalPriceCents: 6000, autoRenewal: false, autoRenewalAvailable: true };

const base = { accountLogin: true, renewingServiceId: "pec", renewalCardId: "visa", renewalCeilingCents: 3050, services: [spid, fe, pecOff] };

describe("the consent a payment records for its card", () => {
  it("is asked when a new card or another saved card takes over active renewals", () => {
    expect(renewalConsentFor({ ...base, card: { kind: "new" } })).toEqual({ amountCents: 3050, ask: true });
    expect(renewalConsentFor({ ...base, card: { kind: "saved", cardId: "master" } })).toEqual({ amountCents: 3050, ask: true });
  });
  it("is not needed when the renewal card pays and its ceiling covers the renewals, this one included", () => {
    expect(renewalConsentFor({ ...base, card: { kind: "saved", cardId: "visa" } })).toBeNull();
  });
  it("is asked again for the renewal card when the renewal this payment turns on is above its ceiling", () => {
    expect(renewalConsentFor({ ...base, renewingServiceId: "cons", services: [spid, fe, cons], card: { kind: "saved", cardId: "visa" } })).toEqual({ amountCents: 7320, ask: true });
  });
  it("is recorded without the step for a first renewal (nothing renews yet): the checkout states the amount", () => {
    expect(renewalConsentFor({ ...base, renewalCardId: null, renewalCeilingCents: null, services: [pecOff, firma], card: { kind: "new" } })).toEqual({ amountCents: 1098, ask: false });
  });
  it("is never given by a product that does not renew, nor by a PEC mailbox's login", () => {
    expect(renewalConsentFor({ ...base, renewingServiceId: null, card: { kind: "new" } })).toBeNull();
    expect(renewalConsentFor({ ...base, accountLogin: false, card: { kind: "new" } })).toBeNull();
  });
});

describe("ceiling amount", () => {
  it("is the highest renewal price with VAT among the active renewals", () => {
    expect(ceilingAmountCents([spid, fe, pecOff, firma])).toBe(3050); // 25.00 + 22%
  });
  it("counts the services this payment turns on, never those without automatic renewal", () => {
    expect(ceilingAmountCents([spid, cons], ["cons"])).toBe(7320);
    expect(ceilingAmountCents([spid, firma], ["firma"])).toBe(3038);
  });
  it("is zero when nothing renews", () => {
    expect(ceilingAmountCents([pecOff, firma])).toBe(0);
  });
});
