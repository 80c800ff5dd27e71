import { describe, expect, it } from "vitest";
import { ceilingAmountCents, ceilingStepApplies, type RenewingService } from "./ceiling";

const spid: RenewingService = { id: "spid", renewalPriceCents: 2490, autoRenewal: true, autoRenewalAvailable: true };
const fe: RenewingService = { id: "fe", renewalPriceCents: 2500, autoRenewal: true, autoRenewalAvailable: true };
const pecOff: RenewingService = { id: "pec", renewalPriceCents: 900, autoRenewal: false, autoRenewalAvailable: true };
const firma: RenewingService = { id: "firma", renewalPriceCents: 3900, autoRenewal: false, autoRenewalAvailable: false };
const cons: RenewingService = { id: "cons", renewalPriceCents: 6000, autoRenewal: false, autoRenewalAvailable: true };

describe("ceiling step", () => {
  it("applies to a new card when a renewal is active", () => {
    expect(ceilingStepApplies({ card: { kind: "new" }, renewalCardId: null, services: [spid, pecOff] })).toBe(true);
  });
  it("applies when a saved card replaces the renewal card", () => {
    expect(ceilingStepApplies({ card: { kind: "saved", cardId: "b" }, renewalCardId: "a", services: [spid] })).toBe(true);
  });
  it("does not apply when paying with the renewal card itself", () => {
    expect(ceilingStepApplies({ card: { kind: "saved", cardId: "a" }, renewalCardId: "a", services: [spid] })).toBe(false);
  });
  it("does not apply without an active automatic renewal", () => {
    expect(ceilingStepApplies({ card: { kind: "new" }, renewalCardId: null, services: [pecOff, firma] })).toBe(false);
    expect(ceilingStepApplies({ card: { kind: "new" }, renewalCardId: null, services: [] })).toBe(false);
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
