import { expect, test, type Page } from "@playwright/test";
import { addVirtualAuthenticator, totpNow } from "./account-fixtures";
import { expectAccessible, formAlert, mailboxSubjects, newCustomer, type TestCustomer } from "./fixtures";

// Browsers refuse an IP address as a passkey's relying party: a server configured on 127.0.0.1
// offers passkeys on localhost (lib/auth/passkeys.ts), so this spec browses there.
const local = (path: string) => {
  const base = new URL(test.info().project.use.baseURL!);
  return `http://localhost:${base.port}${path}`;
};
const passkeys = (page: Page) => page.getByRole("region", { name: "Passkey", exact: true });

async function passwordLogin(page: Page, c: TestCustomer) {
  await page.goto(local("/login"));
  const form = page.getByRole("region", { name: "Accedi con username" });
  await form.getByLabel("Username").fill(c.username);
  await form.getByLabel("Password").fill(c.password);
  await form.getByRole("button", { name: "Accedi", exact: true }).click();
}

test("passkeys: added with the password, then a login without a password and the answer to the second step; removed with the password", async ({ page, context }) => {
  const c = await newCustomer(page.request);
  const authenticator = await addVirtualAuthenticator(context, page);
  await passwordLogin(page, c);
  await expect(page).toHaveURL(local("/"));

  await page.goto(local("/il-mio-account"));
  await passkeys(page).getByLabel("Nome della passkey (es. Telefono di lavoro)").fill("Portatile QA");
  await passkeys(page).getByLabel("Password attuale").fill("sbagliata");
  await passkeys(page).getByRole("button", { name: "Aggiungi una passkey" }).click();
  await expect(passkeys(page).getByRole("alert")).toHaveText("La password attuale non è corretta.");
  expect(await authenticator.credentials()).toHaveLength(0);
  await passkeys(page).getByLabel("Password attuale").fill(c.password);
  await passkeys(page).getByRole("button", { name: "Aggiungi una passkey" }).click();
  await expect(passkeys(page).getByText("Passkey Portatile QA aggiunta.")).toBeVisible();
  await expect(passkeys(page).getByRole("list", { name: "Le tue passkey" }).getByRole("listitem")).toHaveCount(1);
  expect(await authenticator.credentials()).toHaveLength(1);
  await expectAccessible(page);

  // A login without a password.
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await page.goto(local("/login"));
  await page.getByRole("button", { name: "Accedi con una passkey" }).click();
  await expect(page).toHaveURL(local("/"));
  await expect(page.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();

  // With the authenticator app on, the passkey answers the second step after the password.
  await page.goto(local("/il-mio-account"));
  const twoFactor = page.getByRole("region", { name: /^Verifica in due passaggi/ });
  await twoFactor.getByLabel("Password attuale").fill(c.password);
  await twoFactor.getByRole("button", { name: "Attiva la verifica in due passaggi" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Codice di 6 cifre").fill(totpNow(secret));
  await page.getByRole("button", { name: "Attiva" }).click();
  await expect(page.getByText("Verifica in due passaggi attivata.")).toBeVisible();
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await passwordLogin(page, c);
  await page.getByRole("region", { name: "Verifica in due passaggi" }).getByRole("button", { name: "Usa una passkey" }).click();
  await expect(page).toHaveURL(local("/"));

  // Removed: it opens nothing any more.
  await page.goto(local("/il-mio-account"));
  await passkeys(page).getByRole("button", { name: "Rimuovi la passkey Portatile QA" }).click();
  await passkeys(page).getByLabel("Password attuale").first().fill(c.password);
  await passkeys(page).getByRole("button", { name: "Rimuovi Portatile QA" }).click();
  await expect(passkeys(page).getByText("Passkey Portatile QA rimossa.")).toBeVisible();
  await expect(passkeys(page).getByText("Nessuna passkey.")).toBeVisible();
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await page.goto(local("/login"));
  await page.getByRole("button", { name: "Accedi con una passkey" }).click();
  await expect(formAlert(page)).toHaveText("Accesso con passkey non riuscito. Riprova, oppure accedi con username e password.");
  await expect(page).toHaveURL(local("/login"));

  await expect(async () => {
    const subjects = await mailboxSubjects(page, c.email);
    expect(subjects.filter((s) => s === "Modifica alla sicurezza del tuo account")).toHaveLength(3);
  }).toPass({ timeout: 15_000 });
});
