import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/demo/catalogue";
import { renewalState } from "./renewal";

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
