import { expect, type Page } from "@playwright/test";
import { enterCardAtBank } from "./fixtures";

/** The test cards of the sandbox bank, by their last four digits. */
export const TEST_CARDS = { "4242": "4242424242424242", "0002": "4000000000000002", "9995": "4000000000009995", "3184": "4000002760003184" } as const;

export type InvoicePaymentData = {
  number: string;
  customerCode: string;
  /** As the payer types it, e.g. "122,00". */
  amount: string;
  regime: "ordinario" | "split";
  email: string;
  payerName?: string;
  /** Codice fiscale or partita IVA of the payer; a valid one by default. */
  taxId?: string;
};

/** Paga fattura, step one: fills the form and presses Prosegui (the caller checks where it lands). */
export async function fillPayInvoiceForm(page: Page, data: InvoicePaymentData) {
  await page.goto("/paga-fattura");
  await expect(page.getByRole("heading", { level: 1, name: "Paga fattura" })).toBeVisible();
  await page.getByLabel("Numero Fattura").fill(data.number);
  await page.getByLabel("Cod. Cliente").fill(data.customerCode);
  await page.getByLabel("Importo", { exact: true }).fill(data.amount);
  await page.getByRole("radio", { name: data.regime === "split" ? "Split Payment" : "Ordinario" }).check();
  await page.getByLabel("Intestatario del pagamento").fill(data.payerName ?? "Pagatore QA");
  await page.getByLabel("Codice fiscale o Partita IVA").fill(data.taxId ?? "RSSMRA80A01H501U");
  await page.getByLabel("E-mail per la quietanza").fill(data.email);
  await page.getByRole("button", { name: "Prosegui" }).click();
}

/**
 * The whole payment through the browser: step one, Riepilogo, "Paga con carta", the bank's page
 * (3-D Secure with `otp` for the 3184 card), back to the Esito page. Returns the outcome page's
 * heading ("Pagamento riuscito" or "Pagamento non riuscito") and the attempt's id.
 */
export async function payInvoiceInBrowser(page: Page, data: InvoicePaymentData & { card: keyof typeof TEST_CARDS; otp?: string }) {
  await fillPayInvoiceForm(page, data);
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo" })).toBeVisible();
  await page.getByRole("button", { name: "Paga con carta" }).click();
  await expect(page.getByLabel("Numero carta")).toBeVisible();
  await enterCardAtBank(page, TEST_CARDS[data.card], data.card === "3184" ? (data.otp ?? "123456") : data.otp);
  const heading = page.getByRole("heading", { level: 1, name: /^Pagamento (riuscito|non riuscito)$/ });
  await expect(heading).toBeVisible();
  const invoicePaymentId = /\/paga-fattura\/([0-9a-f-]{36})\/esito/.exec(page.url())?.[1] ?? "";
  return { outcome: await heading.innerText(), invoicePaymentId };
}
