import type { ProductCode } from "@/lib/db/generated/enums";

/** The catalogue (PRODUCT.md §1). Yearly prices are net of VAT, in cents. */
export const catalogue: {
  code: ProductCode;
  name: string;
  yearlyPriceCents: number;
  autoRenewalAvailable: boolean;
  renewalActivationEmail: boolean;
}[] = [
  { code: "PEC", name: "PEC", yearlyPriceCents: 900, autoRenewalAvailable: true, renewalActivationEmail: true },
  { code: "FIRMA_DIGITALE", name: "Firma Digitale", yearlyPriceCents: 3900, autoRenewalAvailable: false, renewalActivationEmail: false },
  { code: "MARCA_TEMPORALE", name: "Marca Temporale", yearlyPriceCents: 1800, autoRenewalAvailable: false, renewalActivationEmail: false },
  { code: "SPID", name: "SPID", yearlyPriceCents: 2490, autoRenewalAvailable: true, renewalActivationEmail: true },
  { code: "CONSERVAZIONE", name: "Docfly Conservazione", yearlyPriceCents: 6000, autoRenewalAvailable: true, renewalActivationEmail: true },
  { code: "FATTURAZIONE_ELETTRONICA", name: "Fatturazione Elettronica", yearlyPriceCents: 2500, autoRenewalAvailable: true, renewalActivationEmail: true },
];
