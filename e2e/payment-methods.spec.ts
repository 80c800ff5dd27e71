import { expect, test, type Page } from "@playwright/test";
import { enterCardAtBank, expectAccessible, loginWithPec, signIn, newCustomer, type TestCustomer } from "./fixtures";

test("mario.rossi sees his saved Visa, that it pays the renewals, and the ceiling he authorised", async ({ page }) => {
  await signIn(page, "mario.rossi");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Metodi di pagamento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Visa •••• 4242" }) });
  await expect(row).toContainText("12/28");
  await expect(row).toContainText("Mario Rossi");
  await expect(row).toContainText("Usata per i rinnovi");
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 30,50\s€ sulla carta Visa •••• 4242/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Storico delle autorizzazioni" }).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
});

test("a customer without cards is told how a card gets saved", async ({ page }) => {
  await signIn(page, "anna.bianchi");
  await page.goto("/");
  await page.goto("/metodi-di-pagamento");
  await expect(page.getByText("Non hai carte registrate.")).toBeVisible();
  await expect(page.getByText("Non hai ancora autorizzato un importo massimo prelevabile.")).toBeVisible();
});

test("a login with the PEC mailbox doesn't see the account's cards, nor reaches them by URL", async ({ page }) => {
  await loginWithPec(page, "mario.rossi@pec-demo.it");
  await expect(page.getByRole("heading", { level: 1, name: "mario.rossi@pec-demo.it" })).toBeVisible();
  await page.goto("/metodi-di-pagamento");
  await expect(page.getByText("Hai effettuato l'accesso con la casella PEC: le carte e l'importo massimo prelevabile dell'account li gestisce il titolare")).toBeVisible();
  await expect(page.getByText("Visa •••• 4242")).toHaveCount(0);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "Aggiungi una carta" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Rimuovi/ })).toHaveCount(0);
  await page.goto("/metodi-di-pagamento/nuova-carta");
  await expect(page).toHaveURL("/metodi-di-pagamento");
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
});

const bankCards = { approved: "4242 4242 4242 4242", declined: "4000 0000 0000 0002", threeDS: "4000 0027 6000 3184", mastercard: "5555 5555 5555 4444" } as const;

async function openPaymentMethods(page: Page, customer: TestCustomer) {
  await signIn(page, customer.username);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Metodi di pagamento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
}

/** "Aggiungi una carta", with or without "Usa questa carta per i rinnovi automatici". */
async function startAddingCard(page: Page, forRenewals: boolean) {
  await page.getByRole("link", { name: "Aggiungi una carta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aggiungi una carta" })).toBeVisible();
  await page.getByLabel("Usa questa carta per i rinnovi automatici").setChecked(forRenewals);
  await page.getByRole("button", { name: "Prosegui" }).click();
}

/** The bank's hosted page: a verification without a charge, card data, Procedi, Invio dati, OTP. */
async function verifyOnBankPage(page: Page, number: string, otp?: string) {
  await expect(page).toHaveURL(/\/gateway\/pay\//);
  await expect(page.getByRole("heading", { level: 1, name: "Verifica della carta" })).toBeVisible();
  await expect(page.getByText("Verifica della carta (nessun addebito)")).toBeVisible();
  await enterCardAtBank(page, number, otp);
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
}

const cardRow = (page: Page, card: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: card, exact: true }) });

test("adding an approved card that pays the renewals asks for the ceiling first", async ({ page, request }) => {
  // No card, but SPID renews automatically: the new renewal card needs the ceiling consent.
  const customer = await newCustomer(request, { kind: "no-card" });
  await openPaymentMethods(page, customer);
  await page.getByRole("link", { name: "Aggiungi una carta" }).click();
  await expect(page.getByLabel("Usa questa carta per i rinnovi automatici")).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importo massimo prelevabile" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,38 €" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Autorizza e procedi" }).click();

  await verifyOnBankPage(page, bankCards.approved);
  await expect(page.getByText("Carta Visa •••• 4242 aggiunta: d'ora in poi paga i rinnovi automatici.")).toBeVisible();
  await expect(cardRow(page, "Visa •••• 4242")).toContainText("Usata per i rinnovi");
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 30,38\s€ sulla carta Visa •••• 4242/)).toBeVisible();
  await expectAccessible(page);
  // A refresh shows the same outcome and adds nothing.
  await page.reload();
  await expect(page.getByText("Carta Visa •••• 4242 aggiunta: d'ora in poi paga i rinnovi automatici.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Visa/ })).toHaveCount(1);
});

test("a declined card is not added and the page says why", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await openPaymentMethods(page, customer);
  await startAddingCard(page, false);
  await verifyOnBankPage(page, bankCards.declined);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("La carta non è stata aggiunta");
  await expect(alert).toContainText("La banca ha rifiutato la carta.");
  await expect(page.getByRole("rowheader", { name: /Visa/ })).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Riprova" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aggiungi una carta" })).toBeVisible();
});

test("3-D Secure card added, chosen for the renewals with the ceiling, and the old card removed", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await openPaymentMethods(page, customer);
  await startAddingCard(page, false);
  await verifyOnBankPage(page, bankCards.threeDS, "123456");
  await expect(page.getByText("Carta Visa •••• 3184 aggiunta.")).toBeVisible();
  await expect(cardRow(page, "Visa •••• 3184")).not.toContainText("Usata per i rinnovi");
  await expect(cardRow(page, "Visa •••• 4242")).toContainText("Usata per i rinnovi");

  await page.getByRole("link", { name: "Usa per i rinnovi la carta Visa •••• 3184" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carta per i rinnovi automatici" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,38 €" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Autorizza e procedi" }).click();
  await expect(page.getByText("Visa •••• 3184 paga ora i rinnovi automatici.")).toBeVisible();
  await expect(cardRow(page, "Visa •••• 3184")).toContainText("Usata per i rinnovi");
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 30,38\s€ sulla carta Visa •••• 3184/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Storico delle autorizzazioni" }).getByRole("row")).toHaveCount(3);

  // 4242 no longer pays anything: a plain confirmation.
  await page.getByRole("link", { name: "Rimuovi la carta Visa •••• 4242" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rimuovi una carta" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Rimuovi carta" }).click();
  await expect(page.getByText("Carta Visa •••• 4242 rimossa.")).toBeVisible();
  await expect(cardRow(page, "Visa •••• 4242")).toHaveCount(0);
  await expect(cardRow(page, "Visa •••• 3184")).toContainText("Usata per i rinnovi");
});

test("the only card behind active renewals can't be removed, unless the renewals are turned off", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await openPaymentMethods(page, customer);
  await page.getByRole("link", { name: "Rimuovi la carta Visa •••• 4242" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rimuovi una carta" })).toBeVisible();
  await expect(page.getByText(/Non puoi rimuovere Visa •••• 4242: è l'unica carta che paga i rinnovi automatici di SPID /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Rimuovi carta", exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Disattiva i rinnovi automatici e rimuovi la carta" }).click();
  await expect(page.getByText("Carta Visa •••• 4242 rimossa. I rinnovi automatici sono stati disattivati.")).toBeVisible();
  await expect(page.getByText("Non hai carte registrate.")).toBeVisible();
  await expect(page.getByText("Non hai ancora autorizzato un importo massimo prelevabile.")).toBeVisible();

  // Another customer's card, an unknown verification, a malformed id: not found.
  for (const path of ["/metodi-di-pagamento/00000000-0000-4000-8000-000000000000/rimuovi", "/metodi-di-pagamento/x/rinnovi", "/metodi-di-pagamento/verifiche/00000000-0000-4000-8000-000000000000/ritorno?gw_sig=forged"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("the renewal card is removed in one step by moving the renewals to another card", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await openPaymentMethods(page, customer);
  await startAddingCard(page, false);
  await verifyOnBankPage(page, bankCards.mastercard);
  await expect(page.getByText("Carta Mastercard •••• 4444 aggiunta.")).toBeVisible();

  await page.getByRole("link", { name: "Rimuovi la carta Visa •••• 4242" }).click();
  await expect(page.getByText(/Visa •••• 4242 paga i rinnovi automatici di SPID .*: per rimuoverla scegli un'altra carta per i rinnovi/)).toBeVisible();
  await expect(page.getByLabel("Nuova carta per i rinnovi automatici")).toHaveValue(/.+/);
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,38 €" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Autorizza e rimuovi" }).click();
  await expect(page.getByText("Carta Visa •••• 4242 rimossa.")).toBeVisible();
  await expect(cardRow(page, "Visa •••• 4242")).toHaveCount(0);
  await expect(cardRow(page, "Mastercard •••• 4444")).toContainText("Usata per i rinnovi");
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 30,38\s€ sulla carta Mastercard •••• 4444/)).toBeVisible();
});

test("a customer cannot open another customer's card by URL", async ({ page }) => {
  await signIn(page, "mario.rossi");
  await page.goto("/");
  await page.goto("/metodi-di-pagamento");
  const removeUrl = (await page.getByRole("link", { name: "Rimuovi la carta Visa •••• 4242" }).getAttribute("href"))!;
  expect(removeUrl).toMatch(/^\/metodi-di-pagamento\/[0-9a-f-]{36}\/rimuovi$/);
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "anna.bianchi");
  await page.goto("/");
  for (const path of [removeUrl, removeUrl.replace(/rimuovi$/, "rinnovi")]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina non trovata" })).toBeVisible();
    await expect(page.getByText("4242")).toHaveCount(0);
  }
});
