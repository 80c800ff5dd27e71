import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectAccessible, loginWithPec, loginWithUsername, newCustomer } from "./fixtures";

const invoiceRow = (page: Page, number: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: number }) });

async function openInvoices(page: Page) {
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Fatture" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fatture" })).toBeVisible();
}

test("mario.rossi sees his invoices, newest first, and an unpaid one links to Paga fattura", async ({ page }) => {
  // Read-only use of the demo account; the Paga fattura specs (run after this file) pay FT-2026-000101.
  await loginWithUsername(page, "mario.rossi");
  await openInvoices(page);
  const unpaid = invoiceRow(page, "FT-2026-000101");
  await expect(unpaid).toContainText("Da pagare");
  await expect(unpaid).toContainText("100,00 €");
  await expect(unpaid).toContainText("122,00 €");
  await expect(unpaid).toContainText("Ordinario");
  await expect(invoiceRow(page, "FT-2026-000045")).toContainText("Pagata");
  await expect(invoiceRow(page, "FT-2026-000045").getByRole("link", { name: "Paga la fattura FT-2026-000045" })).toHaveCount(0);
  const numbers = await page.getByRole("rowheader").allInnerTexts();
  expect(numbers.indexOf("FT-2026-000101")).toBeLessThan(numbers.indexOf("FT-2026-000045"));
  await expect(page.getByRole("link", { name: "Scarica PDF della fattura FT-2026-000101", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Dettaglio della fattura FT-2026-000101" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fattura FT-2026-000101" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Servizi di certificazione digitale – canone annuo" })).toBeVisible();
  await expect(page.getByText("Importo da pagare")).toBeVisible();
  await expect(page.getByText("Nessun pagamento registrato con Paga fattura.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Paga la fattura FT-2026-000101" })).toHaveAttribute("href", "/paga-fattura?numero=FT-2026-000101");
  await expectAccessible(page);
});

test("a customer downloads an invoice as PDF, with its number and total", async ({ page, request }) => {
  const c = await newCustomer(request, { invoices: true });
  const [unpaid, paid] = c.invoices;
  await loginWithUsername(page, c.username);
  await openInvoices(page);
  await expect(page.getByRole("status").filter({ hasText: "2 fatture" })).toBeVisible();
  await expect(invoiceRow(page, paid.number)).toContainText("Pagata");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: `Scarica PDF della fattura ${unpaid.number}`, exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${unpaid.number}.pdf`);
  const bytes = await readFile(await download.path());
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  const flat = text.replace(/\u00a0/g, " ").replace(/\s+/g, " ");
  expect(flat).toContain(`Fattura ${unpaid.number}`);
  expect(flat).toContain(c.customerCode);
  expect(flat).toContain(c.fiscalCode);
  expect(flat).toContain("Totale fattura 122,00 €");
});

test("anna.bianchi's invoices show the split payment regime and the amount she pays", async ({ page }) => {
  await loginWithUsername(page, "anna.bianchi");
  await openInvoices(page);
  await expect(invoiceRow(page, "FT-2026-000102")).toContainText("Split Payment");
  await expect(invoiceRow(page, "FT-2026-000102")).toContainText("305,00 €");
  await expect(invoiceRow(page, "FT-2026-000046")).toContainText("Split Payment");
  await page.getByRole("link", { name: "Dettaglio della fattura FT-2026-000102" }).click();
  await expect(page.getByText(/Scissione dei pagamenti – art\. 17-ter DPR 633\/1972/)).toBeVisible();
  // A public body pays the net: the VAT goes to the Treasury.
  await expect(page.locator("dt", { hasText: "Importo da pagare" }).locator("xpath=following-sibling::dd[1]")).toHaveText("250,00 €");
  await expectAccessible(page);
});

test("another customer's invoice, a malformed id and its PDF are not found", async ({ page, request }) => {
  const other = await newCustomer(request, { kind: "public-body", invoices: true });
  const me = await newCustomer(request);
  await loginWithUsername(page, me.username);
  await openInvoices(page);
  await expect(page.getByText("Non ci sono fatture.")).toBeVisible();
  for (const path of [`/fatture/${other.invoices[0].id}`, "/fatture/non-esiste", "/fatture/00000000-0000-4000-8000-00000000dead"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina non trovata" })).toBeVisible();
    await expect(page.getByText(other.invoices[0].number)).toHaveCount(0);
  }
  await expectAccessible(page);
  for (const path of [`/fatture/${other.invoices[0].id}/pdf`, "/fatture/non-esiste/pdf"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});

test("a PEC-mailbox login sees no invoices of the account", async ({ page, request }) => {
  const c = await newCustomer(request, { invoices: true });
  await loginWithPec(page, c.pecAddress);
  await expect(page).toHaveURL(new RegExp(`/servizi/${c.pecServiceId}`));
  await page.goto("/fatture");
  await expect(page.getByText("Con l'accesso tramite casella PEC le fatture non sono visibili")).toBeVisible();
  await expect(page.getByText(c.invoices[0].number)).toHaveCount(0);
  await page.goto(`/fatture/${c.invoices[0].id}`);
  await expect(page).toHaveURL("/fatture");
  expect((await page.request.get(`/fatture/${c.invoices[0].id}/pdf`, { maxRedirects: 0 })).status()).toBe(307);
});
