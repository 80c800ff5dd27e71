import { expect, test } from "@playwright/test";
import { mailLink } from "./account-fixtures";
import { expectAccessible, formAlert, loginWithUsername, mailboxSubjects, newCustomer, signIn } from "./fixtures";

const SENT = "Se i dati corrispondono a un account, abbiamo inviato all'indirizzo e-mail registrato un collegamento";

test("Password dimenticata?: a single-use link to the registered address sets a new password and signs every other session out", async ({ page, browser }) => {
  const c = await newCustomer(page.request);
  // A session on another device, open before the reset.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, c.username);
  await otherPage.goto("/");
  await expect(otherPage.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "Password dimenticata?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Password dimenticata?" })).toBeVisible();
  // The page says where a PEC mailbox's password is changed.
  await expect(page.getByRole("region", { name: "Password di una casella PEC" })).toContainText("webmail della casella PEC");
  await expectAccessible(page);
  await page.getByLabel("Username o e-mail registrata").fill(c.username);
  await page.getByRole("button", { name: "Invia il collegamento" }).click();
  await expect(page.getByRole("status").filter({ hasText: SENT })).toBeVisible();

  const link = await mailLink(page, c.email, "Reimposta la password dell'Area Clienti");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Scegli una nuova password" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nuova password", { exact: true }).fill("corta");
  await page.getByLabel("Ripeti la nuova password").fill("diversa");
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
  await expect(page.getByText("La password deve avere almeno 10 caratteri")).toBeVisible();
  await expect(page.getByText("Le due password non coincidono")).toBeVisible();
  await page.getByLabel("Nuova password", { exact: true }).fill("una password nuova e lunga");
  await page.getByLabel("Ripeti la nuova password").fill("una password nuova e lunga");
  await page.getByRole("button", { name: "Salva la nuova password" }).click();
  await expect(page.getByText("Password aggiornata: accedi con la nuova password.")).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Il collegamento non è valido: è già stato usato oppure è scaduto.");
  // The other device is signed out; the old password no longer works, the new one does.
  await otherPage.goto("/");
  await expect(otherPage).toHaveURL(/\/login$/);
  await loginWithUsername(page, c.username, c.password);
  await expect(formAlert(page)).toHaveText("Credenziali non valide. Controlla i dati inseriti e riprova.");
  await loginWithUsername(page, c.username, "una password nuova e lunga");
  await expect(page).toHaveURL("/");
  await expect(async () => {
    expect(await mailboxSubjects(page, c.email)).toContain("Modifica alla sicurezza del tuo account");
  }).toPass({ timeout: 15_000 });
  await other.close();
});

test("the same answer whether or not the account exists, by username or registered e-mail; empty input is reported", async ({ page }) => {
  const c = await newCustomer(page.request);
  await page.goto("/password-dimenticata");
  await page.getByRole("button", { name: "Invia il collegamento" }).click();
  await expect(page.getByText("Campo obbligatorio")).toBeVisible();
  for (const login of ["nessuno.esiste.qui", "nessuno@example.com", c.email]) {
    await page.goto("/password-dimenticata");
    await page.getByLabel("Username o e-mail registrata").fill(login);
    await page.getByRole("button", { name: "Invia il collegamento" }).click();
    await expect(page.getByRole("status").filter({ hasText: SENT })).toBeVisible();
  }
  await expect(async () => {
    expect(await mailboxSubjects(page, c.email)).toEqual(["Reimposta la password dell'Area Clienti"]);
  }).toPass({ timeout: 15_000 });
  expect(await mailboxSubjects(page, "nessuno@example.com")).toEqual([]);
});
