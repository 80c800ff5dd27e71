import { existsSync } from "node:fs";
import { isVatNumber } from "@/lib/tax-ids";

/**
 * Who the provider is, as printed on quietanze and invoices, in e-mails (sender, footer) and on
 * the sandbox bank's pages: configuration of a deployment, not code. Without it (development,
 * tests, declared demos) the product shows the demo company below; a production start that is not
 * a declared demo refuses to run without it (lib/ops/start-checks.ts).
 */
export type ProviderIdentity = {
  /** The company name, e.g. "Servizi Fiduciari S.p.A.". */
  name: string;
  /** Registered office, one line. */
  address: string;
  /** Partita IVA, 11 digits (an "IT" prefix is accepted and printed as given). */
  vatNumber: string;
  /** A PNG or JPEG on the server's disk, printed on the documents' header; null for none. */
  logoPath: string | null;
  supportEmail: string;
  supportPhone: string | null;
};

export const DEMO_PROVIDER: ProviderIdentity = {
  name: "Area Clienti S.p.A.",
  address: "Via dei Servizi Digitali 1, 00100 Roma (RM)",
  vatNumber: "IT01234567891",
  logoPath: null,
  supportEmail: "assistenza@area-clienti.test",
  supportPhone: null,
};

type Env = Record<string, string | undefined>;

const required = { PROVIDER_NAME: "name", PROVIDER_ADDRESS: "address", PROVIDER_VAT_NUMBER: "vatNumber", PROVIDER_SUPPORT_EMAIL: "supportEmail" } as const;

/** True when the deployment names its provider (at least the company name). */
export const providerConfigured = (env: Env = process.env) => !!env.PROVIDER_NAME?.trim();

export function providerIdentity(env: Env = process.env): ProviderIdentity {
  if (!providerConfigured(env)) return DEMO_PROVIDER;
  const value = (name: string) => env[name]?.trim() || null;
  return {
    name: value("PROVIDER_NAME")!,
    address: value("PROVIDER_ADDRESS") ?? "",
    vatNumber: value("PROVIDER_VAT_NUMBER") ?? "",
    logoPath: value("PROVIDER_LOGO"),
    supportEmail: value("PROVIDER_SUPPORT_EMAIL") ?? "",
    supportPhone: value("PROVIDER_SUPPORT_PHONE"),
  };
}

/** What is missing or wrong in the provider's configuration, in words for the operator. */
export function providerProblems(env: Env = process.env): string[] {
  const missing = Object.keys(required).filter((name) => !env[name]?.trim());
  const problems = missing.length ? [`the provider's identity is not configured: set ${missing.join(", ")} (printed on quietanze, invoices and e-mails)`] : [];
  const vat = env.PROVIDER_VAT_NUMBER?.trim().replace(/^IT/i, "");
  if (vat && !isVatNumber(vat)) problems.push(`PROVIDER_VAT_NUMBER "${env.PROVIDER_VAT_NUMBER}" is not a valid partita IVA`);
  const email = env.PROVIDER_SUPPORT_EMAIL?.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push(`PROVIDER_SUPPORT_EMAIL "${email}" is not an e-mail address`);
  const logo = env.PROVIDER_LOGO?.trim();
  if (logo && (!/\.(png|jpe?g)$/i.test(logo) || !existsSync(logo))) problems.push(`PROVIDER_LOGO "${logo}" must be an existing PNG or JPEG file`);
  return problems;
}
