import { z } from "zod";

/**
 * Billing data for e-invoices, checked as the Sistema di Interscambio checks the FatturaPA header
 * (Agenzia delle Entrate, "Specifiche tecniche" of the FatturaPA format 1.2, attached to the
 * provvedimento 30 aprile 2018 n. 89757; elements 1.1.4 CodiceDestinatario, 1.1.6 PECDestinatario,
 * 1.4.1.x Sede):
 * - CodiceDestinatario has 7 alphanumeric characters for invoices between private parties (FPR12),
 *   6 for a public administration (FPA12: the codice univoco ufficio of the IPA, mandatory, no
 *   default);
 * - "0000000" when the customer receives through a PEC (then PECDestinatario is the address) or
 *   has no channel at all (the invoice waits in the customer's "area riservata"); PECDestinatario
 *   is only filled with "0000000";
 * - "XXXXXXX" for a customer not established in Italy;
 * - CAP 5 digits, Provincia 2 capital letters (Italy only), Nazione an ISO 3166-1 alpha-2 code.
 */
export const SDI_PEC_CODE = "0000000";
export const SDI_ABROAD_CODE = "XXXXXXX";

const upper = (max: number) => z.string({ error: "required" }).trim().toUpperCase().max(max, "tooLong");
const optionalText = (max: number) => z.string().trim().max(max, "tooLong").optional().transform((v) => (v ? v : undefined));

export function billingInput(publicBody: boolean) {
  return z
    .object({
      sdiCode: upper(7).pipe(z.string().min(1, "required")),
      invoicePec: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "tooLong")
        .optional()
        .transform((v) => (v ? v : undefined))
        .pipe(z.email({ error: "invalidEmail" }).optional()),
      street: z.string({ error: "required" }).trim().min(1, "required").max(120, "tooLong"),
      postalCode: z.string({ error: "required" }).trim().min(1, "required").max(10, "tooLong"),
      city: z.string({ error: "required" }).trim().min(1, "required").max(60, "tooLong"),
      province: optionalText(2).transform((v) => v?.toUpperCase()),
      country: upper(2).pipe(z.string().regex(/^[A-Z]{2}$/, "country")),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      const italy = v.country === "IT";
      if (publicBody) {
        if (!/^[A-Z0-9]{6}$/.test(v.sdiCode)) issue("sdiCode", "sdiCodePa");
      } else if (!italy) {
        if (v.sdiCode !== SDI_ABROAD_CODE) issue("sdiCode", "sdiCodeAbroad");
      } else if (!/^[A-Z0-9]{7}$/.test(v.sdiCode) || v.sdiCode === SDI_ABROAD_CODE) {
        issue("sdiCode", "sdiCode");
      }
      if (v.invoicePec && v.sdiCode !== SDI_PEC_CODE) issue("invoicePec", "pecOnlyWithZeros");
      if (italy && !/^\d{5}$/.test(v.postalCode)) issue("postalCode", "postalCode");
      if (italy && !/^[A-Z]{2}$/.test(v.province ?? "")) issue("province", "province");
    });
}

export type BillingFormValues = z.input<ReturnType<typeof billingInput>>;
export type BillingInput = z.output<ReturnType<typeof billingInput>>;
