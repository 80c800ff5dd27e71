import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/demo/catalogue";
import { renewalState, renewalSwitchable } from "./renewal";

describe("automatic renewal eligibility", () => {
  it("is available for PEC, SPID, Conservazione and Fatturazione Elettronica, never for Firma Digitale and Marca Temporale", () => {
    const available = Object.fromEntries(catalogue.map((p) => [p.code, p.autoRenewalAvailable]));
    expect(available).toEqual({ PEC: true, SPID: true, CONSERVAZIONE: true, FATTURAZIONE_ELETTRONICA: true, FIRMA_DIGITALE: false, MARCA_TEMPORALE: false });
  });

  it("shows on, off, or not available whatever the stored flag says for a product without it", () => {
    expect(renewalState({ autoRenewal: true, product: { autoRenewalAvailable: true } })).toBe("on");
    expect(renewalState({ autoRenewal: false, product: { autoRenewalAvailable: true } })).toBe("off");
    expect(renewalState({ autoRenewal: true, product: { autoRenewalAvailable: false } })).toBe("unavailable");
  });
});

describe("where the renewal switch is offered", () => {
  const service = (status: string, autoRenewal: boolean, autoRenewalAvailable = true) => ({ status, autoRenewal, product: { autoRenewalAvailable } });

  it("on an active service of a product that renews, whatever its position", () => {
    expect(renewalSwitchable(service("ACTIVE", false))).toBe(true);
    expect(renewalSwitchable(service("ACTIVE", true))).toBe(true);
  });

  it("never for Firma Digitale and Marca Temporale", () => {
    expect(renewalSwitchable(service("ACTIVE", false, false))).toBe(false);
    expect(renewalSwitchable(service("ACTIVE", true, false))).toBe(false);
  });

  it("not to turn on a service that is not active, but always to turn one off", () => {
    expect(renewalSwitchable(service("PENDING", false))).toBe(false);
    expect(renewalSwitchable(service("EXPIRED", false))).toBe(false);
    expect(renewalSwitchable(service("EXPIRED", true))).toBe(true);
  });
});
