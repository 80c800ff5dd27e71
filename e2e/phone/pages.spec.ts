import { expect, test, type Page } from "@playwright/test";
import { answerTotp, DEMO_STAFF_TOTP, mailLink, newStaff } from "../account-fixtures";
import { DEMO_PASSWORD, newCustomer, signIn } from "../fixtures";
import { fillPayInvoiceForm } from "../pay-invoice-helpers";
import { expectFitsPhones, menuButton } from "./fit";

// Every main page at 320, 375 and 414 px, as the kind of user who sees it: nothing scrolls
// sideways, targets are 44 px, inputs 16 px (./fit.ts). The payment steps and the bank's pages
// are checked on the way through them, in payments.spec.ts.

/** Opens each page and checks it: `heading` is the page's h1, so that the check sees the page rendered. */
async function checkPages(page: Page, pages: [path: string, heading: string | RegExp][]) {
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading }).first(), path).toBeVisible();
    await expectFitsPhones(page, path);
  }
}

/** Its own client address: the tests on 127.0.0.1 share the per-address allowances (Paga fattura, reset requests). */
async function ownAddress(page: Page) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` });
}

const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;

test("phone, nobody logged in: login, password reset, Paga fattura, Lista Pagamenti, Assistenza, the mailbox", async ({ page }) => {
  await ownAddress(page);
  const customer = await newCustomer(page.request, { invoices: true });
  await checkPages(page, [
    ["/login", "Accedi all'Area Clienti"],
    ["/password-dimenticata", "Password dimenticata?"],
    ["/conferma-email/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /.+/],
    ["/paga-fattura", "Paga fattura"],
    ["/lista-pagamenti", "Lista Pagamenti"],
    ["/assistenza", "Assistenza"],
    ["/assistenza/faq", /FAQ|Domande/],
    ["/assistenza/manuale", /Manuale/],
    ["/assistenza/richiesta", "Richiesta di Assistenza"],
    ["/backoffice/accesso", "Accesso del personale"],
    ["/una-pagina-che-non-esiste", "Pagina non trovata"],
  ]);

  // A real reset link: the new password's form.
  await page.goto("/password-dimenticata");
  await page.getByLabel("Username o e-mail registrata").fill(customer.username);
  await page.getByRole("button", { name: "Invia il collegamento" }).click();
  await expect(page.getByRole("status").filter({ hasText: "abbiamo inviato" })).toBeVisible();
  const link = await mailLink(page, customer.email, "Reimposta la password dell'Area Clienti");
  await expectFitsPhones(page, "an e-mail in the local mailbox");
  await checkPages(page, [
    [link, "Scegli una nuova password"],
    [`/dev/mailbox?to=${encodeURIComponent(customer.email)}`, /.+/],
  ]);

  // Paga fattura's summary; a request to Assistenza and its receipt page.
  const invoice = customer.invoices.find((i) => i.status === "UNPAID")!;
  await fillPayInvoiceForm(page, { number: invoice.number, customerCode: customer.customerCode, amount: (invoice.totalCents / 100).toFixed(2).replace(".", ","), regime: "ordinario", email: uniqueEmail("phone") });
  await expect(page.getByRole("heading", { level: 1, name: "Riepilogo" })).toBeVisible();
  await expectFitsPhones(page, "Paga fattura's Riepilogo");
  await page.goto("/assistenza/richiesta");
  await page.getByRole("radio", { name: "Amministrazione", exact: true }).check();
  await page.getByLabel("Motivo").selectOption({ label: "Quietanza non ricevuta" });
  await page.getByLabel("Nome e cognome").fill("Cliente QA");
  await page.getByLabel("Indirizzo e-mail").fill(uniqueEmail("phone"));
  await page.getByLabel("Messaggio").fill("Provato da un telefono.");
  await page.getByRole("button", { name: "Invia richiesta" }).tap();
  await expect(page.getByText(/^Richiesta n\. RA-\d{4}-\d{6}$/).first()).toBeVisible();
  await expectFitsPhones(page, "the request's receipt");
});

test("phone, a customer: the area's pages", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", invoices: true, extraOrder: true });
  await signIn(page, customer.username);
  await page.goto("/metodi-di-pagamento");
  const cardPath = (await page.getByRole("link", { name: /^Rimuovi/ }).first().getAttribute("href"))!.replace(/\/rimuovi$/, "");
  const invoice = customer.invoices[0];
  const order = `/ordini/${customer.order.id}`;
  await checkPages(page, [
    ["/", "I miei servizi"],
    [`/servizi/${customer.pecServiceId}`, customer.pecAddress],
    ["/ordini", "Ordini"],
    ["/ordini?stato=AWAITING_PAYMENT", "Ordini"],
    [order, `Ordine ${customer.order.number}`],
    [`${order}/paga`, `Pagamento dell'ordine ${customer.order.number}`],
    [`${order}/paga/riepilogo?carta=nuova`, "Riepilogo ordine"],
    [`${order}/paga/massimale?carta=nuova`, "Importo massimo prelevabile"],
    ["/fatture", "Fatture"],
    [`/fatture/${invoice.id}`, `Fattura ${invoice.number}`],
    ["/metodi-di-pagamento", "Metodi di pagamento"],
    ["/metodi-di-pagamento/nuova-carta", /.+/],
    ["/metodi-di-pagamento/nuova-carta/massimale", "Importo massimo prelevabile"],
    [`${cardPath}/rinnovi`, /.+/],
    [`${cardPath}/rimuovi`, /.+/],
    ["/il-mio-account", "Il mio account"],
    ["/il-mio-account/verifica-in-due-passaggi", /.+/],
    ["/assistenza", "Assistenza"],
    ["/paga-fattura", "Paga fattura"],
  ]);

  // The renewal switch's confirmation, opened from a service's card.
  await page.goto("/");
  await page.getByRole("switch", { name: `Rinnovo automatico di ${customer.pecAddress}` }).tap();
  const dialog = page.getByRole("dialog", { name: `Attivare il rinnovo automatico di ${customer.pecAddress}?` });
  await expect(dialog).toBeVisible();
  await expectFitsPhones(page, "the renewal switch's confirmation");
  await dialog.getByRole("button", { name: "Annulla" }).tap();
  await expect(dialog).toBeHidden();
});

test("phone, a PEC mailbox's login: its renewal section and what it may not see", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await page.goto("/login");
  const form = page.getByRole("region", { name: "Accedi con indirizzo PEC" });
  await form.getByLabel("Indirizzo PEC").fill(customer.pecAddress);
  await form.getByLabel("Password della casella PEC").fill(customer.password);
  await form.getByRole("button", { name: "Accedi" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: customer.pecAddress })).toBeVisible();
  await expectFitsPhones(page, "the PEC's renewal section");
  await checkPages(page, [
    ["/", "I miei servizi"],
    ["/ordini", "Ordini"],
    ["/fatture", "Fatture"],
    ["/metodi-di-pagamento", "Metodi di pagamento"],
    ["/il-mio-account", "Il mio account"],
  ]);
});

test("phone, staff: the second step, the back office's pages and its menu", async ({ page, request }) => {
  // An invoice paid on Paga fattura (the fixture's second one is paid) and a request to Amministrazione.
  const customer = await newCustomer(request, { invoices: true });
  const paid = customer.invoices.find((i) => i.status === "PAID")!;
  await page.goto("/assistenza/richiesta");
  await page.getByRole("radio", { name: "Amministrazione", exact: true }).check();
  await page.getByLabel("Motivo").selectOption({ label: "Quietanza non ricevuta" });
  await page.getByLabel("Nome e cognome").fill("Cliente QA");
  await page.getByLabel("Indirizzo e-mail").fill(uniqueEmail("phone-staff"));
  await page.getByLabel("Messaggio").fill("Una richiesta lunga da leggere su un telefono.");
  await page.getByRole("button", { name: "Invia richiesta" }).click();
  const number = (await page.getByText(/^Richiesta n\. RA-\d{4}-\d{6}$/).first().innerText()).replace("Richiesta n. ", "");

  await page.goto("/backoffice/accesso");
  await page.getByLabel("Nome utente").fill("admin");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).tap();
  await expect(page.getByRole("region", { name: "Verifica in due passaggi" })).toBeVisible();
  await expectFitsPhones(page, "the second step");
  await answerTotp(page, DEMO_STAFF_TOTP.admin, () => expect(page.getByRole("heading", { level: 1, name: "Richieste" })).toBeVisible());
  await expectFitsPhones(page, "Richieste");

  const nav = page.getByRole("navigation", { name: "Navigazione del back office" });
  await expect(nav).toBeHidden();
  await menuButton(page).tap();
  await nav.getByRole("link", { name: "Pagamenti" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamenti" })).toBeVisible();
  await expectFitsPhones(page, "Pagamenti");
  await page.getByLabel("Numero fattura o codice cliente").fill(paid.number);
  await page.getByRole("button", { name: "Cerca", exact: true }).tap();
  await page.getByRole("link", { name: `Apri la fattura ${paid.number}` }).tap();
  await expect(page.getByRole("heading", { level: 1, name: `Fattura ${paid.number}` })).toBeVisible();
  await expectFitsPhones(page, "a payment's page");

  await page.goto("/backoffice/richieste");
  await page.getByRole("link", { name: `Apri la richiesta ${number}` }).tap();
  await expect(page.getByRole("heading", { level: 1, name: `Richiesta ${number}` })).toBeVisible();
  await expectFitsPhones(page, "a request's page");
  await checkPages(page, [
    ["/backoffice/registro", "Registro attività"],
    ["/backoffice/account", "Il mio account"],
  ]);

  // A new member of staff's first access.
  const staff = await newStaff(request, "supporto");
  await menuButton(page).tap();
  await page.getByRole("banner").getByRole("button", { name: "Esci", exact: true }).tap();
  await page.goto("/backoffice/accesso");
  await page.getByLabel("Nome utente").fill(staff.username);
  await page.getByLabel("Password").fill(staff.oneTimePassword);
  await page.getByRole("button", { name: "Accedi" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Primo accesso" })).toBeVisible();
  await expectFitsPhones(page, "Primo accesso");
});
