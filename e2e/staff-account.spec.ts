import { expect, test, type Page } from "@playwright/test";
import { answerTotp, disableStaff, loginAsDemoStaff, newStaff, totpNow } from "./account-fixtures";
import { expectAccessible, formAlert } from "./fixtures";

async function staffPasswordStep(page: Page, username: string, password: string) {
  await page.goto("/backoffice/accesso");
  await page.getByLabel("Nome utente").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Accedi" }).click();
}

test("the demo staff always give the authenticator's code after the password; a wrong code opens nothing", async ({ page }) => {
  await staffPasswordStep(page, "supporto", "Demo1234!");
  const step = page.getByRole("region", { name: "Verifica in due passaggi" });
  await step.getByLabel("Codice dell'app di autenticazione").fill("000000");
  await step.getByRole("button", { name: "Verifica" }).click();
  await expect(formAlert(page)).toHaveText("Codice non valido o già usato. Attendi il codice successivo e riprova.");
  await page.goto("/backoffice/richieste");
  await expect(page).toHaveURL(/\/backoffice\/accesso$/);
  await loginAsDemoStaff(page, "supporto");
  await page.getByRole("link", { name: "Il mio account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Il mio account" })).toBeVisible();
  await expect(page.getByText("Per il personale è obbligatoria e non si può disattivare.")).toBeVisible();
  await expectAccessible(page);
});

test("a new member of staff: the one-time password is changed, then the authenticator set up, before any back-office page opens; disabled, the session stops", async ({ page, browser }) => {
  const staff = await newStaff(page.request, "supporto");
  await staffPasswordStep(page, staff.username, staff.oneTimePassword);
  await expect(page.getByRole("heading", { level: 1, name: "Primo accesso" })).toBeVisible();
  await page.goto("/backoffice/registro");
  await expect(page).toHaveURL(/\/backoffice\/primo-accesso$/);
  await expectAccessible(page);

  const setPassword = page.getByRole("region", { name: "1. Sostituisci la password provvisoria" });
  await setPassword.getByLabel("Password provvisoria").fill(staff.oneTimePassword);
  await setPassword.getByLabel("Nuova password", { exact: true }).fill(staff.oneTimePassword);
  await setPassword.getByLabel("Ripeti la nuova password").fill(staff.oneTimePassword);
  await setPassword.getByRole("button", { name: "Cambia password" }).click();
  await expect(setPassword.getByRole("alert")).toHaveText("La nuova password deve essere diversa da quella attuale.");
  const mine = "la mia password del back office";
  await setPassword.getByLabel("Password provvisoria").fill(staff.oneTimePassword);
  await setPassword.getByLabel("Nuova password", { exact: true }).fill(mine);
  await setPassword.getByLabel("Ripeti la nuova password").fill(mine);
  await setPassword.getByRole("button", { name: "Cambia password" }).click();

  // Someone else who knows the password logs in too (issue 13 review, finding 3).
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await staffPasswordStep(other, staff.username, mine);
  await expect(other.getByRole("heading", { level: 1, name: "Primo accesso" })).toBeVisible();

  const totp = page.getByRole("region", { name: "2. Configura l'app di autenticazione" });
  await totp.getByLabel("Password attuale").fill(mine);
  await totp.getByRole("button", { name: "Configura l'app" }).click();
  await expect(page.getByRole("img", { name: "Codice QR da inquadrare con l'app di autenticazione" })).toBeVisible();
  // The secret being set up shows only in the session that started it.
  await other.reload();
  await expect(other.getByRole("button", { name: "Configura l'app" })).toBeVisible();
  await expect(other.getByRole("img", { name: "Codice QR da inquadrare con l'app di autenticazione" })).toHaveCount(0);
  await page.goto("/backoffice/richieste");
  await expect(page).toHaveURL(/\/backoffice\/primo-accesso$/);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Codice di 6 cifre").fill(totpNow(secret));
  await page.getByRole("button", { name: "Attiva" }).click();
  await expect(page.getByRole("list", { name: "Codici di recupero" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "Vai al back office" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richieste" })).toBeVisible();
  // Turning the authenticator on signed the password-only session out.
  await other.goto("/backoffice/richieste");
  await expect(other).toHaveURL(/\/backoffice\/accesso$/);
  await elsewhere.close();

  // The next login asks for the code.
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await staffPasswordStep(page, staff.username, mine);
  await answerTotp(page, secret, () => expect(page.getByRole("heading", { level: 1, name: "Richieste" })).toBeVisible());

  await disableStaff(page.request, staff.username);
  await page.goto("/backoffice/richieste");
  await expect(page).toHaveURL(/\/backoffice\/accesso$/);
  await staffPasswordStep(page, staff.username, mine);
  await expect(formAlert(page)).toHaveText("Nome utente o password non validi.");
});
