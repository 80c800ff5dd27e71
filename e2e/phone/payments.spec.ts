import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newCustomer, signIn, type TestCustomer } from "../fixtures";
import { fillPayInvoiceForm, TEST_CARDS } from "../pay-invoice-helpers";
import { expectFitsPhones, expectWithinWidth } from "./fit";

// The seed flows (PRODUCT.md §3, §6) on a phone, by touch: a saved card, a new card with 3-D Secure
// on the bank's page, Paga fattura. Every step must fit 320–414 px (./fit.ts); what the flows
// decide is tested on the desktop in payments.spec.ts and pay-invoice.spec.ts.

/** Home (the service's card: status, expiry, renewal switch, Gestisci on the screen) → Gestisci → Paga. */
async function openPayment(page: Page, customer: TestCustomer) {
  await signIn(page, customer.username);
  await page.goto("/");
  const card = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: customer.pecAddress }) });
  await expect(card).toContainText("Attivo");
  await expectWithinWidth(card.getByText("Attivo", { exact: true }));
  await expectWithinWidth(card.getByRole("switch", { name: `Rinnovo automatico di ${customer.pecAddress}` }));
  await expectWithinWidth(card.getByRole("link", { name: `Gestisci ${customer.pecAddress}` }));
  await expectFitsPhones(page, "I miei servizi");
  await card.getByRole("link", { name: `Gestisci ${customer.pecAddress}` }).tap();
  await expect(page.getByRole("heading", { level: 1, name: customer.pecAddress })).toBeVisible();
  await expectFitsPhones(page, "the service's page");
  await page.getByRole("link", { name: `Paga l'ordine ${customer.order.number}` }).tap();
  await expect(page.getByRole("heading", { level: 1, name: `Pagamento dell'ordine ${customer.order.number}` })).toBeVisible();
  await expectFitsPhones(page, "Carta di credito");
}

async function toSummary(page: Page) {
  await page.getByRole("button", { name: "Prosegui" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo ordine" })).toBeVisible();
  await expectFitsPhones(page, "Riepilogo ordine");
}

/** The bank's hosted page, step by step: phone keyboards and autofill on each field. */
async function payAtBank(page: Page, number: string, otp: string) {
  await expect(page).toHaveURL(/\/gateway\/pay\//);
  const fields = [
    ["Numero carta", "cc-number", "numeric", number],
    ["Scadenza (MM/AA)", "cc-exp", "numeric", "12/30"],
    ["CVV", "cc-csc", "numeric", "123"],
    ["Intestatario", "cc-name", null, "Cliente QA"],
  ] as const;
  for (const [label, autocomplete, inputmode] of fields) {
    await expect(page.getByLabel(label)).toHaveAttribute("autocomplete", autocomplete);
    if (inputmode) await expect(page.getByLabel(label)).toHaveAttribute("inputmode", inputmode);
  }
  await expectFitsPhones(page, "the bank's card form");
  for (const [label, , , value] of fields) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Procedi" }).tap();
  await expect(page.getByText(`•••• ${number.slice(-4)}`)).toBeVisible();
  await expectFitsPhones(page, "the bank's summary");
  await page.getByRole("button", { name: "Invio dati" }).tap();

  await expect(page.getByRole("heading", { level: 1, name: "Autenticazione 3-D Secure" })).toBeVisible();
  await expect(page.getByLabel("Codice OTP")).toHaveAttribute("autocomplete", "one-time-code");
  await expect(page.getByLabel("Codice OTP")).toHaveAttribute("inputmode", "numeric");
  await expectFitsPhones(page, "3-D Secure");
  await expectAccessible(page);
  await page.getByLabel("Codice OTP").fill(otp);
  await page.getByRole("button", { name: "Conferma" }).tap();
}

test("phone: a saved card pays the PEC renewal from the home page's card", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "4242" });
  await openPayment(page, customer);
  await expect(page.getByLabel("Carta di credito registrata")).toHaveValue(/.+/);
  await toSummary(page);
  await expect(page.getByText("Carta: Visa •••• 4242")).toBeVisible();
  await page.getByRole("button", { name: "Prosegui" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  await expect(page.getByText(`L'ordine ${customer.order.number} è stato pagato: 10,98 € con Visa •••• 4242.`)).toBeVisible();
  await expectFitsPhones(page, "the outcome");

  await page.getByRole("link", { name: "Torna ai miei servizi" }).tap();
  const card = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: customer.pecAddress }) });
  await expect(card.getByRole("switch", { name: `Rinnovo automatico di ${customer.pecAddress}` })).toHaveAttribute("aria-checked", "true");
  expect(await (await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`)).json()).toMatchObject({ succeeded: 1, paidOrders: 1, bankCharges: 1 });
});

test("phone: a new card with 3-D Secure on the bank's page, after the ceiling", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "no-card" });
  await openPayment(page, customer);
  await expect(page.getByLabel("Carta di credito registrata")).toHaveCount(0);
  await toSummary(page);
  // The fixture customer's SPID renews automatically: a new card asks for the ceiling first.
  await page.getByRole("link", { name: "Prosegui" }).tap();
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,38 €" })).toBeVisible();
  await expectFitsPhones(page, "the ceiling step");
  await page.getByRole("button", { name: "Autorizza e procedi" }).tap();

  await payAtBank(page, TEST_CARDS["3184"], "123456");
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  await expect(page.getByText(`L'ordine ${customer.order.number} è stato pagato: 10,98 € con Visa •••• 3184.`)).toBeVisible();
  await expectFitsPhones(page, "the outcome");
  await expectAccessible(page);
});

test("phone: Paga fattura with 3-D Secure", async ({ page, request }) => {
  // Lookups count against the client address: this test has one of its own (see pay-invoice.spec.ts).
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` });
  const customer = await newCustomer(request, { invoices: true });
  const invoice = customer.invoices.find((i) => i.status === "UNPAID")!;
  const email = `phone.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;

  await page.goto("/paga-fattura");
  await expect(page.getByLabel("Importo", { exact: true })).toHaveAttribute("inputmode", "decimal");
  await expect(page.getByLabel("E-mail per la quietanza")).toHaveAttribute("type", "email");
  await expect(page.getByLabel("E-mail per la quietanza")).toHaveAttribute("autocomplete", "email");
  await expect(page.getByLabel("Intestatario del pagamento")).toHaveAttribute("autocomplete", "name");
  await expectFitsPhones(page, "Paga fattura");
  await fillPayInvoiceForm(page, { number: invoice.number, customerCode: customer.customerCode, amount: (invoice.totalCents / 100).toFixed(2).replace(".", ","), regime: "ordinario", email, taxId: customer.fiscalCode });
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Dati del pagamento" }).getByText(email, { exact: true })).toBeVisible();
  await expectFitsPhones(page, "Paga fattura's Riepilogo");
  await page.getByRole("button", { name: "Paga con carta" }).tap();

  await payAtBank(page, TEST_CARDS["3184"], "123456");
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento riuscito" })).toBeVisible();
  await expectFitsPhones(page, "Paga fattura's outcome");
  await expectAccessible(page);
});
