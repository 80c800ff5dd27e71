import { expect, test } from "@playwright/test";
import { expectAccessible, formAlert, loginWithPec, loginWithUsername, mailboxSubjects, newCustomer } from "./fixtures";

test("login with username lands on the home page, logout ends the session", async ({ page }) => {
  await loginWithUsername(page, "mario.rossi");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();
  await expect(page.getByText("Codice cliente C000123")).toBeVisible();

  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page.getByText("Sei uscito dall'Area Clienti.")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("login with a PEC address lands on that mailbox's renewal section, and only that service", async ({ page }) => {
  await loginWithPec(page, "mario.rossi@pec-demo.it");
  await expect(page).toHaveURL(/\/servizi\/00000000-0000-4000-8000-000000001231#rinnovo$/);
  await expect(page.getByRole("heading", { level: 1, name: "mario.rossi@pec-demo.it" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rinnovo" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Paga l'ordine ORD-2026-000101" })).toBeVisible();

  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "I miei servizi" }).click();
  await expect(page.getByText("Hai effettuato l'accesso con la casella PEC")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Gestisci/ })).toHaveCount(1);
  // The SPID of the same customer is out of this session's reach, by URL too.
  await page.goto("/servizi/00000000-0000-4000-8000-000000001232");
  await expect(page.getByRole("heading", { name: "Pagina non trovata" })).toBeVisible();
});

test("wrong credentials give one generic message, whichever part is wrong", async ({ page }) => {
  await loginWithUsername(page, "mario.rossi", "wrong-password");
  await expect(formAlert(page)).toHaveText("Credenziali non valide. Controlla i dati inseriti e riprova.");

  await loginWithUsername(page, "nessuno.esiste", "Demo1234!");
  await expect(formAlert(page)).toHaveText("Credenziali non valide. Controlla i dati inseriti e riprova.");

  await loginWithPec(page, "mario.rossi@pec-demo.it", "wrong-password");
  await expect(formAlert(page)).toHaveText("Credenziali non valide. Controlla i dati inseriti e riprova.");
  await expect(page).toHaveURL(/\/login/);
});

test("empty or malformed fields are reported next to the field and nothing is sent", async ({ page }) => {
  await page.goto("/login");
  const pec = page.getByRole("region", { name: "Accedi con indirizzo PEC" });
  await pec.getByLabel("Indirizzo PEC").fill("not-an-address");
  await pec.getByRole("button", { name: "Accedi" }).click();
  await expect(pec.getByText("Inserisci un indirizzo PEC valido")).toBeVisible();
  await expect(pec.getByText("Campo obbligatorio")).toBeVisible();
  await expect(pec.getByLabel("Indirizzo PEC")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("repeated failures block the account for a while and its owner gets an e-mail", async ({ page, request }) => {
  const customer = await newCustomer(request);
  for (let i = 0; i < 5; i++) {
    await loginWithUsername(page, customer.username, `wrong-${i}`);
    await expect(formAlert(page)).toContainText(/Credenziali non valide|Troppi tentativi/);
  }
  // Even the right password is refused while the block lasts.
  await loginWithUsername(page, customer.username, customer.password);
  await expect(formAlert(page)).toContainText("Troppi tentativi non riusciti");
  await expect(formAlert(page)).toContainText("15 minuti");
  await expect(page).toHaveURL(/\/login/);

  await expect(async () => {
    expect(await mailboxSubjects(page, customer.email)).toEqual(["Tentativi di accesso non riusciti al tuo account"]);
  }).toPass({ timeout: 15_000 });
});
