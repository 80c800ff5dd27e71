import { expect, test, type Page } from "@playwright/test";
import { totpNow } from "./account-fixtures";
import { expectAccessible, formAlert, loginWithUsername, mailboxSubjects, newCustomer, signIn, type TestCustomer } from "./fixtures";

const twoFactor = (page: Page) => page.getByRole("region", { name: /^Verifica in due passaggi/ });
const secondStep = (page: Page) => page.getByRole("region", { name: "Verifica in due passaggi" });

/** Turns the authenticator on from Il mio account; returns its secret and the recovery codes shown. */
async function enableTotp(page: Page, c: TestCustomer) {
  await page.goto("/il-mio-account");
  await twoFactor(page).getByLabel("Password attuale").fill(c.password);
  await twoFactor(page).getByRole("button", { name: "Attiva la verifica in due passaggi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Attiva la verifica in due passaggi" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Codice QR da inquadrare con l'app di autenticazione" })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Codice di 6 cifre").fill("000000");
  await page.getByRole("button", { name: "Attiva" }).click();
  await expect(formAlert(page)).toContainText("Codice non valido");
  await page.getByLabel("Codice di 6 cifre").fill(totpNow(secret));
  // Read after the code: if the step turned in between, waiting for the one after is still safe.
  const setupStep = Math.floor(Date.now() / 30_000);
  await page.getByRole("button", { name: "Attiva" }).click();
  await expect(page.getByText("Verifica in due passaggi attivata.")).toBeVisible();
  const codes = await page.getByRole("list", { name: "Codici di recupero" }).getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: "Ho salvato i codici: torna a Il mio account" }).click();
  await expect(twoFactor(page).getByText("Attiva", { exact: true })).toBeVisible();
  return { secret, codes, setupStep };
}

test("two-step login with an authenticator app: set up with a QR code, asked after the password, recovery codes work once, turned off with the password", async ({ page }) => {
  const c = await newCustomer(page.request);
  await signIn(page, c.username);
  const { secret, codes, setupStep } = await enableTotp(page, c);
  await page.getByRole("button", { name: "Esci", exact: true }).click();

  await loginWithUsername(page, c.username);
  await expect(secondStep(page).getByLabel("Codice dell'app di autenticazione")).toHaveAttribute("autocomplete", "one-time-code");
  await expectAccessible(page);
  await secondStep(page).getByLabel("Codice dell'app di autenticazione").fill("123456");
  await secondStep(page).getByRole("button", { name: "Verifica" }).click();
  await expect(formAlert(page)).toHaveText("Codice non valido o già usato. Attendi il codice successivo e riprova.");
  // The code the set-up just used is spent: wait for the app's next one (retrying with the spent
  // one could use up the ticket's five answers, when the set-up fell early in its 30 seconds).
  await page.waitForTimeout(Math.max(0, (setupStep + 1) * 30_000 - Date.now() + 500));
  await secondStep(page).getByLabel("Codice dell'app di autenticazione").fill(totpNow(secret));
  await secondStep(page).getByRole("button", { name: "Verifica" }).click();
  await expect(page).toHaveURL("/");
  await page.getByRole("button", { name: "Esci", exact: true }).click();

  // A recovery code instead, once.
  for (const expected of ["ok", "spent"]) {
    await loginWithUsername(page, c.username);
    await secondStep(page).getByRole("button", { name: "Usa un codice di recupero" }).click();
    await secondStep(page).getByLabel("Codice di recupero").fill(codes[0]);
    await secondStep(page).getByRole("button", { name: "Verifica" }).click();
    if (expected === "ok") {
      await expect(page).toHaveURL("/");
      await page.getByRole("button", { name: "Esci", exact: true }).click();
    } else {
      await expect(formAlert(page)).toHaveText("Codice di recupero non valido o già usato.");
    }
  }

  await loginWithUsername(page, c.username);
  await secondStep(page).getByRole("button", { name: "Usa un codice di recupero" }).click();
  await secondStep(page).getByLabel("Codice di recupero").fill(codes[1]);
  await secondStep(page).getByRole("button", { name: "Verifica" }).click();
  await expect(page).toHaveURL("/");
  await page.goto("/il-mio-account");
  await expect(twoFactor(page)).toContainText("8 codici di recupero ancora validi.");
  await twoFactor(page).getByRole("region", { name: "Disattiva" }).getByLabel("Password attuale").fill(c.password);
  await twoFactor(page).getByRole("button", { name: "Disattiva la verifica in due passaggi" }).click();
  await expect(twoFactor(page).getByText("Non attiva", { exact: true })).toBeVisible();
  await expect(async () => {
    const subjects = await mailboxSubjects(page, c.email);
    expect(subjects.filter((s) => s === "Modifica alla sicurezza del tuo account")).toHaveLength(2);
  }).toPass({ timeout: 15_000 });
});
