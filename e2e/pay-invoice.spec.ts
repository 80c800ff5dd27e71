import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { enterCardAtBank, expectAccessible, formAlert, newCustomer, type TestCustomer } from "./fixtures";
import { fillPayInvoiceForm, payInvoiceInBrowser, TEST_CARDS, type InvoicePaymentData } from "./pay-invoice-helpers";

const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
const NO_MATCH = "I dati inseriti non corrispondono a una fattura da pagare. Controlla Numero Fattura, Cod. Cliente e Importo.";

/**
 * Lookups that don't match count against the client address: a test that makes them comes from an
 * address of its own, so that it never uses up the allowance of the other tests (all on 127.0.0.1).
 */
async function ownAddress(page: Page) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` });
}

function unpaid(c: TestCustomer, email: string): InvoicePaymentData {
  const invoice = c.invoices.find((i) => i.status === "UNPAID")!;
  return { number: invoice.number, customerCode: c.customerCode, amount: "122,00", regime: "ordinario", email, payerName: "Cliente QA", taxId: c.fiscalCode };
}

test("mario.rossi's invoice FT-2026-000101, ordinary regime, 122,00 € with the 4242 card", async ({ page }) => {
  const email = uniqueEmail("mario");
  await page.goto("/assistenza");
  await page.getByRole("navigation", { name: "Servizi senza accesso" }).getByRole("link", { name: "Paga fattura" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paga fattura" })).toBeVisible();
  await expectAccessible(page);
  await fillPayInvoiceForm(page, { number: "ft-2026-000101 ", customerCode: "c000123", amount: "122.00", regime: "ordinario", email, payerName: "Mario Rossi", taxId: "rssmra80a01h501u" });

  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo" })).toBeVisible();
  const summary = page.getByRole("region", { name: "Dati del pagamento" });
  for (const text of ["FT-2026-000101", "Ordinario", "122,00 €", "Mario Rossi", "RSSMRA80A01H501U", email]) await expect(summary.getByText(text, { exact: true })).toBeVisible();
  // The holder is recognisable, not spelled out to whoever holds the link.
  await expect(summary.getByText("Mar•• Ros••", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Paga con carta" }).click();

  await expect(page).toHaveURL(/\/gateway\/pay\//);
  await enterCardAtBank(page, TEST_CARDS["4242"]);
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento riuscito" })).toBeVisible();
  await expect(page.getByText("Hai pagato 122,00 € per la fattura FT-2026-000101.")).toBeVisible();
  await expect(page.getByText(`La quietanza sarà inviata a ${email}.`)).toBeVisible();
  await expect(page.getByText("Carta: Visa •••• 4242")).toBeVisible();
  await expectAccessible(page);
});

test("anna.bianchi's invoice FT-2026-000102 in Split Payment: 250,00 € with 3-D Secure", async ({ page }) => {
  const email = uniqueEmail("anna");
  const paid = await payInvoiceInBrowser(page, { number: "FT-2026-000102", customerCode: "C000456", amount: "250,00", regime: "split", email, payerName: "Comune di Esempio", taxId: "01114601006", card: "3184", otp: "123456" });
  expect(paid.outcome).toBe("Pagamento riuscito");
  await expect(page.getByText("Hai pagato 250,00 € per la fattura FT-2026-000102.")).toBeVisible();
  await expect(page.getByText(`La quietanza sarà inviata a ${email}.`)).toBeVisible();
});

test("data that do not match get one message that names no field, and a bad form says what to fix", async ({ page, request }) => {
  await ownAddress(page);
  const c = await newCustomer(request, { invoices: true });
  const data = unpaid(c, uniqueEmail("mismatch"));
  for (const wrong of [{ amount: "121,00" }, { customerCode: "C000123" }, { regime: "split" as const }]) {
    await fillPayInvoiceForm(page, { ...data, ...wrong });
    await expect(formAlert(page)).toHaveText(NO_MATCH);
    await expect(page).toHaveURL(/\/paga-fattura$/);
  }
  await expectAccessible(page);

  await fillPayInvoiceForm(page, { ...data, amount: "dodici", taxId: "RSSMRA80A01H501X", email: "non-un-indirizzo" });
  await expect(formAlert(page)).toHaveText("Controlla i campi evidenziati.");
  await expect(page.getByText("Inserisci un importo in euro, ad esempio 122,00")).toBeVisible();
  await expect(page.getByText("Inserisci un codice fiscale (16 caratteri) o una partita IVA (11 cifre) validi")).toBeVisible();
  await expect(page.getByLabel("E-mail per la quietanza")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("paid already: the same data are refused and the paid attempt's pages never go back to the bank", async ({ page, request }) => {
  const c = await newCustomer(request, { invoices: true });
  const data = unpaid(c, uniqueEmail("gia-pagata"));
  const first = await payInvoiceInBrowser(page, { ...data, card: "4242" });
  expect(first.outcome).toBe("Pagamento riuscito");

  // The connection dropped, the payer starts again with the same data.
  await fillPayInvoiceForm(page, data);
  await expect(formAlert(page)).toContainText("Questa fattura risulta già pagata: non è possibile pagarla una seconda volta.");
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo" })).toHaveCount(0);
  await expectAccessible(page);
  // The back button to the summary of the paid attempt shows its outcome, with no way to pay again.
  await page.goto(`/paga-fattura/${first.invoicePaymentId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento riuscito" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Paga con carta" })).toHaveCount(0);
});

test("declined by the bank, then paid with another card by starting again from step one", async ({ page, request }) => {
  const c = await newCustomer(request, { invoices: true });
  const data = unpaid(c, uniqueEmail("rifiutata"));
  const declined = await payInvoiceInBrowser(page, { ...data, card: "0002" });
  expect(declined.outcome).toBe("Pagamento non riuscito");
  await expect(page.getByText("La banca ha rifiutato il pagamento.")).toBeVisible();
  await expect(page.getByText(`La fattura ${data.number} non è stata pagata.`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Ricomincia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paga fattura" })).toBeVisible();
  await expect(page.getByLabel("Numero Fattura")).toHaveValue("");

  const paid = await payInvoiceInBrowser(page, { ...data, card: "4242" });
  expect(paid.outcome).toBe("Pagamento riuscito");
  await expect(page.getByText(`Hai pagato 122,00 € per la fattura ${data.number}.`)).toBeVisible();
});

test("too many attempts on one invoice number are refused for a while, even with the right data", async ({ page, request }) => {
  await ownAddress(page);
  const c = await newCustomer(request, { invoices: true });
  const data = unpaid(c, uniqueEmail("limite"));
  for (let i = 1; i <= 5; i++) {
    await fillPayInvoiceForm(page, { ...data, amount: `${i},00` });
    await expect(formAlert(page)).toHaveText(NO_MATCH);
  }
  await fillPayInvoiceForm(page, data);
  await expect(formAlert(page)).toContainText(/Troppi tentativi con dati che non corrispondono\. Per sicurezza potrai riprovare tra \d+ minut[oi]\./);
  await expect(page).toHaveURL(/\/paga-fattura$/);
});

test("links of Paga fattura: the invoice number may be prefilled; a bad or unknown attempt is not found", async ({ page }) => {
  await page.goto("/paga-fattura?numero=FT-2026-000999");
  await expect(page.getByLabel("Numero Fattura")).toHaveValue("FT-2026-000999");
  await expect(page.getByLabel("Cod. Cliente")).toHaveValue("");
  await page.goto("/paga-fattura?numero=%3Cscript%3E");
  await expect(page.getByLabel("Numero Fattura")).toHaveValue("");
  for (const path of ["/paga-fattura/non-esiste", `/paga-fattura/${randomUUID()}`, `/paga-fattura/${randomUUID()}/esito`, `/paga-fattura/${randomUUID()}/ritorno?sig=x`, "/paga-fattura/%27%20OR%201%3D1/esito"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
});
