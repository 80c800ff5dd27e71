import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, formAlert, loginWithUsername, mailboxSubjects, mailboxText, newCustomer } from "./fixtures";

const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;

async function openRequestForm(page: Page) {
  await page.goto("/assistenza");
  await expect(page.getByRole("heading", { level: 1, name: "Assistenza" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Richiesta di Assistenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiesta di Assistenza" })).toBeVisible();
}

test("a visitor who is not logged in asks Amministrazione about a missing receipt and gets a number by e-mail", async ({ page }) => {
  const email = uniqueEmail("ospite");
  await page.goto("/login");
  await page.getByRole("link", { name: "Vai ad Assistenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assistenza" })).toBeVisible();
  await page.getByRole("link", { name: "Richiesta di Assistenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiesta di Assistenza" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Amministrazione", exact: true }).check();
  // The reasons follow the category: a technical error is not one for Amministrazione.
  await expect(page.getByLabel("Motivo").locator("option", { hasText: "Errore tecnico" })).toHaveCount(0);
  await page.getByLabel("Motivo").selectOption({ label: "Quietanza non ricevuta" });
  await page.getByLabel("Nome e cognome").fill("Giulia Neri");
  await page.getByLabel("Indirizzo e-mail").fill(email);
  await page.getByLabel("Codice cliente").fill("C000999");
  await page.getByLabel("Numero fattura").fill("FT-2026-0042");
  await page.getByLabel("Messaggio").fill("Ho pagato la fattura FT-2026-0042 ma la quietanza non è arrivata.");
  await page.getByRole("button", { name: "Invia richiesta" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Richiesta inviata" })).toBeVisible();
  const numberText = await page.getByText(/^Richiesta n\. RA-\d{4}-\d{6}$/).first().innerText();
  const number = numberText.replace("Richiesta n. ", "");
  await expect(page.getByText("Destinatario: Amministrazione. Motivo: Quietanza non ricevuta.")).toBeVisible();
  await expectAccessible(page);

  // A number is not a key: the confirmation page is reached only through the id given on submit.
  const res = await page.goto(`/assistenza/richiesta/inviata/${number}`);
  expect(res?.status()).toBe(404);

  await expect.poll(() => mailboxSubjects(page, email)).toEqual([`Richiesta di Assistenza n. ${number} ricevuta`]);
  const text = await mailboxText(page, email, `Richiesta di Assistenza n. ${number} ricevuta`);
  expect(text).toContain("Amministrazione");
  expect(text).toContain("Quietanza non ricevuta");
  expect(text).toContain("la quietanza non è arrivata");
});

test("an incomplete or invalid form shows its errors and sends nothing", async ({ page }) => {
  const email = uniqueEmail("incompleto");
  await openRequestForm(page);
  await page.getByRole("button", { name: "Invia richiesta" }).click();
  await expect(formAlert(page)).toHaveText("La richiesta non è stata inviata: controlla i campi evidenziati.");
  await expect(page.getByText("Campo obbligatorio")).toHaveCount(5);
  await expect(page.getByLabel("Messaggio")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByRole("radio", { name: "Supporto Tecnico", exact: true }).check();
  await page.getByLabel("Motivo").selectOption({ label: "Errore tecnico" });
  await page.getByLabel("Nome e cognome").fill("Paolo Gialli");
  await page.getByLabel("Indirizzo e-mail").fill("non-è-un-indirizzo");
  await page.getByRole("button", { name: "Invia richiesta" }).click();
  await expect(page.getByText("Inserisci un indirizzo e-mail valido")).toBeVisible();
  await expect(page.getByText("Campo obbligatorio")).toHaveCount(1);

  await page.getByLabel("Indirizzo e-mail").fill(email);
  await page.getByRole("button", { name: "Invia richiesta" }).click();
  await expect(page.getByText("Campo obbligatorio")).toHaveCount(1);
  await expect(page).toHaveURL(/\/assistenza\/richiesta$/);
  expect(await mailboxSubjects(page, email)).toEqual([]);
});

test("a logged-in customer finds Assistenza in the menu, the form prefilled, and writes to Supporto Tecnico", async ({ page, request }) => {
  const c = await newCustomer(request);
  await loginWithUsername(page, c.username, c.password);
  await expect(page.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Assistenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Assistenza" })).toBeVisible();
  await page.getByRole("link", { name: "Richiesta di Assistenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiesta di Assistenza" })).toBeVisible();

  await expect(page.getByLabel("Indirizzo e-mail")).toHaveValue(c.email);
  await expect(page.getByLabel("Codice cliente")).toHaveValue(c.customerCode);
  await page.getByRole("radio", { name: "Supporto Tecnico", exact: true }).check();
  await expect(page.getByLabel("Motivo").locator("option", { hasText: "Quietanza non ricevuta" })).toHaveCount(0);
  await page.getByLabel("Motivo").selectOption({ label: "Errore tecnico" });
  await page.getByLabel("Messaggio").fill("La pagina Ordini mostra un errore quando filtro per stato.");
  await page.getByRole("button", { name: "Invia richiesta" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Richiesta inviata" })).toBeVisible();
  await expect(page.getByText("Destinatario: Supporto Tecnico. Motivo: Errore tecnico.")).toBeVisible();
  const number = (await page.getByText(/^Richiesta n\. RA-\d{4}-\d{6}$/).first().innerText()).replace("Richiesta n. ", "");
  await expect.poll(() => mailboxSubjects(page, c.email)).toContain(`Richiesta di Assistenza n. ${number} ricevuta`);
});

test("the FAQ and the Manuale d'uso are public, accessible and link to the request form", async ({ page }) => {
  await page.goto("/assistenza/faq");
  await expect(page.getByRole("heading", { level: 1, name: "FAQ" })).toBeVisible();
  await expectAccessible(page);
  await page.getByText("Ho riscontrato un errore tecnico sul portale, come faccio a segnalarlo?").click();
  await page.locator("#errore-tecnico").getByRole("link", { name: "Richiesta di Assistenza" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiesta di Assistenza" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Supporto Tecnico", exact: true })).toBeChecked();

  await page.goto("/assistenza/manuale");
  await expect(page.getByRole("heading", { level: 1, name: "Manuale d'uso" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "2. Pagare un ordine" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "FAQ", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "FAQ" })).toBeVisible();
});
