import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, formAlert, loginWithUsername, mailboxSubjects, mailboxText, newCustomer, signIn, type TestCustomer } from "./fixtures";
import { payInvoiceInBrowser } from "./pay-invoice-helpers";
import { loginAsDemoStaff } from "./account-fixtures";

const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
const row = (page: Page, header: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: header, exact: true }) });
const staffNav = (page: Page) => page.getByRole("navigation", { name: "Navigazione del back office" });

// Password, then the authenticator's code: the second step is mandatory for staff.
const loginAsStaff = loginAsDemoStaff;

async function logoutStaff(page: Page) {
  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByText("Sei uscito dal back office.")).toBeVisible();
}

/** Richiesta di Assistenza sent by a visitor; returns its number. */
async function sendRequest(page: Page, r: { category: "Amministrazione" | "Supporto Tecnico"; reason: string; email: string; message: string }) {
  await page.goto("/assistenza/richiesta");
  await page.getByRole("radio", { name: r.category, exact: true }).check();
  await page.getByLabel("Motivo").selectOption({ label: r.reason });
  await page.getByLabel("Nome e cognome").fill("Ente Pubblico QA");
  await page.getByLabel("Indirizzo e-mail").fill(r.email);
  await page.getByLabel("Messaggio").fill(r.message);
  await page.getByRole("button", { name: "Invia richiesta" }).click();
  const text = await page.getByText(/^Richiesta n\. RA-\d{4}-\d{6}$/).first().innerText();
  return text.replace("Richiesta n. ", "");
}

/** Admin: Pagamenti → search by invoice number → the invoice's page. */
async function openInvoiceAsAdmin(page: Page, number: string, opts: { checkAccessibility?: boolean } = {}) {
  await staffNav(page).getByRole("link", { name: "Pagamenti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pagamenti" })).toBeVisible();
  await page.getByLabel("Numero fattura o codice cliente").fill(number);
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  const found = page.getByRole("table", { name: `Fatture trovate per «${number}»` });
  await expect(found.getByRole("row").filter({ has: page.getByRole("rowheader", { name: number }) })).toContainText("Pagata");
  if (opts.checkAccessibility) await expectAccessible(page);
  await found.getByRole("link", { name: `Apri la fattura ${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Fattura ${number}` })).toBeVisible();
}

/** A fresh customer's 122,00 € ordinary invoice, paid on Paga fattura choosing Split Payment (100,00). */
async function paidInSplitByMistake(page: Page, c: TestCustomer, email: string) {
  const invoice = c.invoices[0]!;
  const paid = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "100,00", regime: "split", email, card: "4242" });
  expect(paid.outcome).toBe("Pagamento riuscito");
  // The net is paid; the ordinary invoice still asks its VAT, and the outcome says so.
  await expect(page.getByText("La fattura è in regime ordinario: in Split Payment hai pagato l'imponibile. Resta da pagare l'IVA, 22,00 €.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Paga l'IVA" })).toBeVisible();
  await expectAccessible(page);
  return invoice;
}

test("nobody logged in goes to the staff login; a customer is refused; a staff session never opens the customer area", async ({ page }) => {
  await page.goto("/backoffice/richieste");
  await expect(page).toHaveURL(/\/backoffice\/accesso$/);
  await expect(page.getByRole("heading", { level: 1, name: "Accesso del personale" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nome utente").fill("admin");
  await page.getByLabel("Password").fill("sbagliata");
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(formAlert(page)).toHaveText("Nome utente o password non validi.");
  // A customer's credentials are not staff credentials.
  await page.getByLabel("Nome utente").fill("mario.rossi");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await expect(formAlert(page)).toHaveText("Nome utente o password non validi.");

  await loginWithUsername(page, "mario.rossi");
  await expect(page.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();
  for (const path of ["/backoffice", "/backoffice/richieste", "/backoffice/pagamenti", "/backoffice/registro"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Pagina non trovata" })).toBeVisible();
  }

  await loginAsStaff(page, "admin");
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("Amministrazione answers a request by e-mail and closes it; Supporto Tecnico sees only its own requests", async ({ page }) => {
  test.setTimeout(120_000);
  const adminEmail = uniqueEmail("split");
  const techEmail = uniqueEmail("tecnico");
  const adminNumber = await sendRequest(page, { category: "Amministrazione", reason: "Pagamento in Split Payment per errore", email: adminEmail, message: "Ho effettuato il pagamento in Split Payment per errore" });
  const techNumber = await sendRequest(page, { category: "Supporto Tecnico", reason: "Errore tecnico", email: techEmail, message: "La pagina di pagamento mostra un errore." });

  await loginAsStaff(page, "admin");
  await expect(row(page, adminNumber)).toContainText("Aperta");
  await expect(row(page, adminNumber)).toContainText("Pagamento in Split Payment per errore");
  await expect(row(page, techNumber)).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: `Apri la richiesta ${adminNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Richiesta ${adminNumber}` })).toBeVisible();
  const adminRequestUrl = page.url();
  await expect(page.getByText("Ho effettuato il pagamento in Split Payment per errore")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Invia risposta" }).click();
  await expect(page.getByText("Campo obbligatorio")).toBeVisible();
  const reply = "Gentile cliente, le abbiamo aperto il saldo dell'IVA: lo paghi su Paga fattura in regime ordinario.";
  await page.getByLabel("Risposta", { exact: true }).fill(reply);
  await page.getByRole("button", { name: "Invia risposta" }).click();
  await expect(page.getByText(`Risposta inviata a ${adminEmail}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Risposte" })).toContainText(reply);
  await expect(page.getByRole("region", { name: "Dati della richiesta" })).toContainText("Risposta inviata");
  await page.getByRole("button", { name: "Chiudi la richiesta" }).click();
  await expect(page.getByText("Richiesta chiusa.")).toBeVisible();
  await expect(page.getByText("La richiesta è chiusa: riaprila per rispondere.")).toBeVisible();

  await staffNav(page).getByRole("link", { name: "Richieste" }).click();
  await page.getByLabel("Stato").selectOption({ label: "Chiusa" });
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(row(page, adminNumber)).toContainText("Chiusa");

  await staffNav(page).getByRole("link", { name: "Registro attività" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registro attività" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "support.replied" }).first()).toBeVisible();
  await expectAccessible(page);

  await expect.poll(() => mailboxSubjects(page, adminEmail), { timeout: 20_000 }).toContain(`Risposta alla Richiesta di Assistenza n. ${adminNumber}`);
  const text = await mailboxText(page, adminEmail, `Risposta alla Richiesta di Assistenza n. ${adminNumber}`);
  expect(text).toContain(reply);
  expect(text).toContain("Ho effettuato il pagamento in Split Payment per errore");

  await page.goto("/backoffice/richieste");
  await logoutStaff(page);
  await loginAsStaff(page, "supporto");
  await expect(row(page, techNumber)).toContainText("Errore tecnico");
  await expect(row(page, adminNumber)).toHaveCount(0);
  await expect(staffNav(page).getByRole("link", { name: "Pagamenti" })).toHaveCount(0);
  await page.getByRole("link", { name: `Apri la richiesta ${techNumber}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Richiesta ${techNumber}` })).toBeVisible();
  // Another category's request, by its URL, and Amministrazione's pages: not found.
  expect((await page.goto(adminRequestUrl))?.status()).toBe(404);
  expect((await page.goto("/backoffice/pagamenti"))?.status()).toBe(404);
  expect((await page.goto("/backoffice/richieste/non-un-id"))?.status()).toBe(404);
});

test("Amministrazione resends a receipt to the corrected address, with its PDF", async ({ page, request }) => {
  test.setTimeout(120_000);
  const c = await newCustomer(request, { invoices: true });
  const invoice = c.invoices[0]!;
  const typo = uniqueEmail("refuso");
  const corrected = uniqueEmail("corretto");
  const paid = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "122,00", regime: "ordinario", email: typo, card: "4242" });
  expect(paid.outcome).toBe("Pagamento riuscito");

  await loginAsStaff(page, "admin");
  await openInvoiceAsAdmin(page, invoice.number, { checkAccessibility: true });
  await expect(page.getByRole("region", { name: "Dati della fattura" })).toContainText("Pagata");
  await expect(page.getByText(typo)).toBeVisible();
  await expect(page.getByText("Visa •••• 4242")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Indirizzo e-mail corretto").fill("non-un-indirizzo");
  await page.getByRole("button", { name: "Reinvia quietanza" }).click();
  await expect(page.getByText("Inserisci un indirizzo e-mail valido")).toBeVisible();
  await page.getByLabel("Indirizzo e-mail corretto").fill(corrected);
  await page.getByRole("button", { name: "Reinvia quietanza" }).click();
  await expect(page.getByText(new RegExp(`^Quietanza QT-\\d{4}-\\d{6} inviata di nuovo a ${corrected.replace(/\./g, "\\.")}\\.$`))).toBeVisible();

  const subject = new RegExp(`^Quietanza di pagamento QT-\\d{4}-\\d{6} – fattura ${invoice.number}$`);
  await expect.poll(() => mailboxSubjects(page, corrected), { timeout: 20_000 }).toEqual([expect.stringMatching(subject)]);
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("link", { name: /^Quietanza-QT-\d{4}-\d{6}\.pdf$/ })).toBeVisible();
});

test("a split payment chosen by mistake: Amministrazione asks for the VAT, which the payer then pays on Paga fattura", async ({ page, request }) => {
  test.setTimeout(150_000);
  const c = await newCustomer(request, { invoices: true });
  const payer = uniqueEmail("iva");
  const invoice = await paidInSplitByMistake(page, c, payer);

  await loginAsStaff(page, "admin");
  // Amministrazione finds it among the payments to settle, without searching.
  await staffNav(page).getByRole("link", { name: "Pagamenti" }).click();
  const toSettle = page.getByRole("region", { name: "Da regolare: pagamenti in regime IVA errato" });
  await expect(toSettle.getByRole("rowheader", { name: invoice.number })).toBeVisible();
  await expectAccessible(page);
  await openInvoiceAsAdmin(page, invoice.number);
  await expect(page.getByText("Pagato in un regime IVA diverso da quello della fattura.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Dati della fattura" })).toContainText("Pagata in parte");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Richiedi il pagamento dell'IVA" }).click();
  await expect(page.getByText("IVA richiesta al pagatore: la fattura ha un saldo di 22,00 € da pagare su Paga fattura. Il pagatore è stato avvisato per e-mail.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Dati della fattura" })).toContainText("Pagata in parte");
  await expect(page.getByRole("button", { name: "Richiedi il pagamento dell'IVA" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Rimborsa" })).toHaveCount(0);

  await expect.poll(() => mailboxSubjects(page, payer), { timeout: 20_000 }).toContain(`Fattura ${invoice.number}: IVA da versare`);
  const text = await mailboxText(page, payer, `Fattura ${invoice.number}: IVA da versare`);
  expect(text).toContain("22,00 €");

  const vat = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "22,00", regime: "ordinario", email: payer, card: "4242" });
  expect(vat.outcome).toBe("Pagamento riuscito");
  await page.goto("/backoffice/pagamenti");
  await openInvoiceAsAdmin(page, invoice.number);
  await expect(page.getByRole("region", { name: "Dati della fattura" })).toContainText("Pagata");
  await expect(page.getByRole("region", { name: "Dati della fattura" })).not.toContainText("Pagata in parte");
  await expect(page.getByText("Regolato: l'IVA ancora dovuta è stata richiesta al pagatore.")).toBeVisible();
  await staffNav(page).getByRole("link", { name: "Pagamenti" }).click();
  await expect(toSettle.getByRole("rowheader", { name: invoice.number })).toHaveCount(0);
});

test("a split payment chosen by mistake: Amministrazione refunds it and the invoice is paid again in the right regime", async ({ page, request }) => {
  test.setTimeout(150_000);
  const c = await newCustomer(request, { invoices: true });
  const payer = uniqueEmail("rimborso");
  const invoice = await paidInSplitByMistake(page, c, payer);

  await loginAsStaff(page, "admin");
  await openInvoiceAsAdmin(page, invoice.number);
  await page.getByRole("button", { name: "Rimborsa" }).click();
  await expect(page.getByText("Pagamento rimborsato: la fattura è di nuovo da pagare. Il pagatore è stato avvisato per e-mail.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Dati della fattura" })).toContainText("Da pagare");
  await expect(page.getByText(/^100,00\s€ il /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Rimborsa" })).toHaveCount(0);
  await expectAccessible(page);

  await expect.poll(() => mailboxSubjects(page, payer), { timeout: 20_000 }).toContain(`Fattura ${invoice.number}: pagamento rimborsato`);
  const text = await mailboxText(page, payer, `Fattura ${invoice.number}: pagamento rimborsato`);
  expect(text).toContain("100,00 €");
  expect(text).toContain("122,00 €");

  // The owner's invoice lists the payment as refunded, and its quietanza as no longer valid.
  await signIn(page, c.username);
  await page.goto(`/fatture/${invoice.id}`);
  await expect(page.getByRole("link", { name: /^Quietanza QT-\d{4}-\d{6}, pagamento rimborsato$/ })).toBeVisible();
  await expect(page.getByText(/rimborsati 100,00\s€/)).toBeVisible();

  const again = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "122,00", regime: "ordinario", email: payer, card: "4242" });
  expect(again.outcome).toBe("Pagamento riuscito");
});
