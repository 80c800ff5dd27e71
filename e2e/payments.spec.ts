import { expect, test, type Page } from "@playwright/test";
import { enterCardAtBank, expectAccessible, loginWithPec, signIn, mailboxSubjects, mailboxText, newCustomer, type TestCustomer } from "./fixtures";

const cards = {
  approved: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  insufficient: "4000 0000 0000 9995",
  expired: "4000 0000 0000 0069",
  threeDS: "4000 0027 6000 3184",
} as const;

async function openPayment(page: Page, customer: TestCustomer) {
  await signIn(page, customer.username);
  await page.goto("/");
  await page.getByRole("link", { name: `Gestisci ${customer.pecAddress}` }).click();
  await page.getByRole("link", { name: `Paga l'ordine ${customer.order.number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Pagamento dell'ordine ${customer.order.number}` })).toBeVisible();
  await expect(page.getByText("La scelta della carta di credito comporta l'attivazione del rinnovo automatico.")).toBeVisible();
}

/** The bank's hosted page: card data, Procedi, masked summary, Invio dati. */
async function payOnBankPage(page: Page, number: string, otp?: string) {
  await expect(page).toHaveURL(/\/gateway\/pay\//);
  await enterCardAtBank(page, number, otp);
}

/** "Prosegui" on step 1, then wait for the summary: both pages have a "Prosegui" button. */
async function toSummary(page: Page) {
  await page.getByRole("button", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo ordine" })).toBeVisible();
}

async function answerOtp(page: Page, otp: string) {
  await page.getByLabel("Codice OTP").fill(otp);
  await page.getByRole("button", { name: "Conferma" }).click();
}

test("new card approved: order paid, renewal on, card saved, e-mails sent; paying again is refused", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "no-card", extraOrder: true });
  const returnUrls: string[] = [];
  // The bank sends the browser back with a server-action redirect (or a plain one without JS).
  page.on("response", (r) => {
    const target = r.headers()["x-action-redirect"] ?? r.headers()["location"] ?? "";
    if (target.includes("/ritorno")) returnUrls.push(new URL(target.split(";")[0], r.url()).toString());
  });
  await openPayment(page, customer);
  await expect(page.getByLabel("Carta di credito registrata")).toHaveCount(0);
  await toSummary(page);
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo ordine" })).toBeVisible();
  await expect(page.getByText("10,98 €").first()).toBeVisible();
  await expectAccessible(page);
  // The fixture customer has SPID with automatic renewal on: adding a card asks for the ceiling.
  await page.getByRole("link", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,38 €" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Autorizza e procedi" }).click();

  await payOnBankPage(page, cards.approved);
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  await expect(page.getByText(`L'ordine ${customer.order.number} è stato pagato: 10,98 € con Visa •••• 4242.`)).toBeVisible();
  await expect(page.getByText(`Il rinnovo automatico di ${customer.pecAddress} è attivo`)).toBeVisible();
  await expectAccessible(page);

  // A refresh and a replayed return link from the bank change nothing.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  expect(returnUrls).toHaveLength(1);
  await page.goto(returnUrls[0]);
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  expect(await (await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`)).json()).toMatchObject({ succeeded: 1, bankCharges: 1 });

  await page.getByRole("link", { name: "Vai all'ordine" }).click();
  await expect(page.getByText("Pagato", { exact: true })).toBeVisible();
  await page.goto(`/ordini/${customer.order.id}/paga`);
  await expect(page.getByText("Questo ordine è già stato pagato")).toBeVisible();
  await expect(page.getByRole("button", { name: "Prosegui" })).toHaveCount(0);

  await expect(async () => {
    const subjects = await mailboxSubjects(page, customer.email);
    expect(subjects.sort()).toEqual([`Conferma di pagamento dell'ordine ${customer.order.number}`, `Rinnovo automatico attivato per ${customer.pecAddress}`].sort());
  }).toPass({ timeout: 20_000 });

  const receipt = await mailboxText(page, customer.email, `Conferma di pagamento dell'ordine ${customer.order.number}`);
  for (const part of [customer.order.number, "Imponibile: 9,00 €", "IVA 22%: 1,98 €", "Totale pagato: 10,98 €", "Visa •••• 4242"]) expect(receipt).toContain(part);
  expect(receipt).not.toMatch(/4242 ?4242 ?4242/);
  const renewal = await mailboxText(page, customer.email, `Rinnovo automatico attivato per ${customer.pecAddress}`);
  expect(renewal).toContain("Visa •••• 4242");

  await page.goto("/");
  const pecRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: customer.pecAddress }) });
  await expect(pecRow.getByText("Attivo", { exact: true })).toHaveCount(2);

  // The new card is saved, pays the renewals, and carries the ceiling just authorised.
  await page.goto("/metodi-di-pagamento");
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Visa •••• 4242" }) })).toContainText("Usata per i rinnovi");
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 30,38\s€ sulla carta Visa •••• 4242/)).toBeVisible();

  // The next order offers the saved card, and it is the renewal card (no ceiling).
  await page.goto(`/ordini/${customer.secondOrder!.id}/paga`);
  await expect(page.getByLabel("Carta di credito registrata").locator("option")).toHaveText([/Visa •••• 4242/, "Nuova carta"]);
  await toSummary(page);
  await page.getByRole("button", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  // Marca Temporale never renews automatically: one confirmation e-mail, no activation e-mail.
  await expect(async () => {
    expect(await mailboxSubjects(page, customer.email)).toContain(`Conferma di pagamento dell'ordine ${customer.secondOrder!.number}`);
  }).toPass({ timeout: 20_000 });
  expect((await mailboxSubjects(page, customer.email)).filter((s) => s.startsWith("Rinnovo automatico"))).toHaveLength(1);
});

test("saved renewal card approved: no ceiling step, no drop-down surprise", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "4242" });
  await openPayment(page, customer);
  await expect(page.getByLabel("Carta di credito registrata")).toHaveValue(/.+/);
  await expect(page.getByLabel("Carta di credito registrata").locator("option")).toHaveText([/Visa •••• 4242 \(scadenza \d\d\/\d\d\)/, "Nuova carta"]);
  await toSummary(page);
  await expect(page.getByText("Carta: Visa •••• 4242")).toBeVisible();
  await page.getByRole("button", { name: "Prosegui" }).dblclick();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  expect(await (await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`)).json()).toMatchObject({ succeeded: 1, paidOrders: 1, bankCharges: 1 });
});

test("a saved card that is not the renewal card replaces it: the ceiling step appears", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "4242" });
  await openPayment(page, customer);
  await page.getByLabel("Carta di credito registrata").selectOption({ label: "Nuova carta" });
  await toSummary(page);
  await expect(page.getByText("Carta: Nuova carta")).toBeVisible();
  await page.getByRole("link", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,38 €" })).toBeVisible();
});

test("leaving the bank's page with Annulla: the order stays awaiting payment", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "public-body" });
  await openPayment(page, customer);
  await toSummary(page);
  await page.getByRole("button", { name: "Prosegui" }).click();
  await expect(page).toHaveURL(/\/gateway\/pay\//);
  await page.getByRole("button", { name: "Annulla" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento non riuscito" })).toBeVisible();
  await expect(page.getByText("Il pagamento è stato annullato prima della conferma")).toBeVisible();
  await page.goto(`/ordini/${customer.order.id}`);
  await expect(page.getByText("In attesa di pagamento")).toBeVisible();
});

test("anna.bianchi, a public body without cards, pays her PEC renewal with a new card: no ceiling step", async ({ page }) => {
  await signIn(page, "anna.bianchi");
  await page.goto("/");
  await page.getByRole("link", { name: "Gestisci protocollo@pec-demo.it" }).click();
  await page.getByRole("link", { name: "Paga l'ordine ORD-2026-000201" }).click();
  await expect(page.getByLabel("Carta di credito registrata")).toHaveCount(0);
  await toSummary(page);
  await expect(page.getByText("Carta: Nuova carta")).toBeVisible();
  await page.getByRole("button", { name: "Prosegui" }).click();
  await payOnBankPage(page, cards.approved);
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  await expect(page.getByText("Il rinnovo automatico di protocollo@pec-demo.it è attivo")).toBeVisible();
});

test("saved card with 3-D Secure: wrong OTP fails and the order stays awaiting, right OTP pays", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "3184" });
  await openPayment(page, customer);
  await toSummary(page);
  await page.getByRole("button", { name: "Prosegui" }).click();
  await expect(page).toHaveURL(/\/gateway\/challenge\//);
  await answerOtp(page, "000000");
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento non riuscito" })).toBeVisible();
  await expect(page.getByText("L'autenticazione 3-D Secure non è riuscita")).toBeVisible();
  await expect(page.getByText(`L'ordine ${customer.order.number} resta in attesa di pagamento`)).toBeVisible();

  await page.getByRole("link", { name: "Riprova" }).click();
  await page.getByRole("button", { name: "Prosegui" }).click();
  await answerOtp(page, "123456");
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
});

for (const [name, number, message] of [
  ["declined", cards.declined, "La banca ha rifiutato il pagamento."],
  ["insufficient funds", cards.insufficient, "Fondi insufficienti sulla carta."],
  ["expired card", cards.expired, "La carta risulta scaduta."],
] as const) {
  test(`new card ${name}: plain reason, order still awaiting, another card pays`, async ({ page, request }) => {
    const customer = await newCustomer(request, { kind: "public-body" });
    await openPayment(page, customer);
    await toSummary(page);
    // anna.bianchi's shape: no automatic renewal active, so no ceiling step.
    await page.getByRole("button", { name: "Prosegui" }).click();
    await payOnBankPage(page, number);
    await expect(page.getByRole("heading", { level: 1, name: "Pagamento non riuscito" })).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Paga con un'altra carta" }).click();
    await toSummary(page);
    await page.getByRole("button", { name: "Prosegui" }).click();
    await payOnBankPage(page, cards.approved);
    await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  });
}

test("new card with 3-D Secure on the bank's page", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "public-body" });
  await openPayment(page, customer);
  await toSummary(page);
  await page.getByRole("button", { name: "Prosegui" }).click();
  await payOnBankPage(page, cards.threeDS, "123456");
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
});

test("two tabs: the second sees the order paid and can't pay it again", async ({ page, context, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "4242" });
  await openPayment(page, customer);
  await toSummary(page);
  const second = await context.newPage();
  await second.goto(page.url());
  await page.getByRole("button", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();

  await second.getByRole("button", { name: "Prosegui" }).click();
  await expect(second.getByText("Questo ordine è già stato pagato")).toBeVisible();
  await second.goBack();
  await second.reload();
  await expect(second.getByText("Questo ordine è già stato pagato")).toBeVisible();
  const charges = await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`);
  expect(await charges.json()).toMatchObject({ succeeded: 1, paidOrders: 1, bankCharges: 1 });
});

test("mario.rossi: his saved Visa pays without the ceiling step; a new card asks for 30,50 €", async ({ page }) => {
  // Only up to the last step: the demo account's orders stay awaiting payment for the other specs.
  await signIn(page, "mario.rossi");
  await page.goto("/");
  await page.getByRole("link", { name: "Gestisci mario.rossi@pec-demo.it" }).click();
  await page.getByRole("link", { name: "Paga l'ordine ORD-2026-000101" }).click();
  const select = page.getByLabel("Carta di credito registrata");
  await expect(select.locator("option")).toHaveText(["Visa •••• 4242 (scadenza 12/28)", "Nuova carta"]);
  await toSummary(page);
  await expect(page.getByText("Carta: Visa •••• 4242 (scadenza 12/28)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Prosegui" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Prosegui" })).toHaveCount(0);

  await page.getByRole("link", { name: "Indietro" }).click();
  await page.getByLabel("Carta di credito registrata").selectOption({ label: "Nuova carta" });
  await toSummary(page);
  await page.getByRole("link", { name: "Prosegui" }).click();
  await expect(page.getByRole("heading", { name: "Importo massimo prelevabile: 30,50 €" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Autorizza e procedi" })).toBeVisible();
});

test("bad input in the checkout URLs changes nothing and says so", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await signIn(page, customer.username);
  await page.goto("/");
  await page.goto(`/ordini/${customer.order.id}/paga/riepilogo?carta=not-a-card`);
  await expect(page.getByText("La carta scelta non è disponibile: scegline un'altra.")).toBeVisible();
  expect((await page.goto(`/ordini/${customer.order.id}/paga/esito?pagamento=../../x`))?.status()).toBe(404);
  expect((await page.goto(`/pagamenti/00000000-0000-4000-8000-000000000000/ritorno?gw_sig=forged`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Pagina non trovata" })).toBeVisible();
  const notify = await request.post("/api/payments/notify", { data: { id: "evt_forged", status: "succeeded" } });
  expect(notify.status()).toBe(401);
  expect(await (await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`)).json()).toMatchObject({ succeeded: 0, failed: 0, paidOrders: 0 });
});

test("the PEC mailbox's login pays its order with a new card, which changes nothing of the account", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await loginWithPec(page, customer.pecAddress);
  await expect(page.getByRole("heading", { level: 1, name: customer.pecAddress })).toBeVisible();
  await page.getByRole("link", { name: `Paga l'ordine ${customer.order.number}` }).click();
  // The account's saved Visa is not offered: a new card on the bank's page only.
  await expect(page.getByLabel("Carta di credito registrata")).toHaveCount(0);
  await expect(page.getByText("Stai pagando dall'accesso della casella PEC: la carta serve solo per questo ordine.")).toBeVisible();
  await toSummary(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Prosegui" }).click();
  await payOnBankPage(page, "5555 5555 5555 4444");
  await expect(page.getByRole("heading", { level: 1, name: "Pagamento completato" })).toBeVisible();
  await expect(page.getByText("La carta non è stata salvata: il rinnovo automatico resta come l'ha impostato il titolare dell'account.")).toBeVisible();
  await expectAccessible(page);
  expect(await (await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`)).json()).toMatchObject({ succeeded: 1, paidOrders: 1, bankCharges: 1 });

  // The holder, with the username: still one card, the same renewal card, renewal of the PEC as it was.
  await signIn(page, customer.username);
  await page.goto("/metodi-di-pagamento");
  await expect(page.getByRole("rowheader", { name: /Mastercard/ })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Visa •••• 4242" }) })).toContainText("Usata per i rinnovi");
  await page.goto("/");
  await expect(page.getByRole("switch", { name: `Rinnovo automatico di ${customer.pecAddress}` })).toHaveAttribute("aria-checked", "false");
});
