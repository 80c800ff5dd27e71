import { expect, test } from "@playwright/test";
import { expectAccessible, loginWithUsername, mailboxSubjects, mailboxText, newCustomer } from "./fixtures";

test("a stolen session is thrown out: the devices are listed, one is signed out, then all; a new device is announced by e-mail", async ({ page, browser }) => {
  const c = await newCustomer(page.request);
  await loginWithUsername(page, c.username);
  await expect(page).toHaveURL("/");
  // Someone else signs in from another browser (a new device: the owner gets an e-mail).
  const thief = await browser.newContext({ userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox/140.0" });
  const thiefPage = await thief.newPage();
  await loginWithUsername(thiefPage, c.username);
  await expect(thiefPage).toHaveURL("/");
  await expect(async () => {
    expect(await mailboxSubjects(page, c.email)).toEqual(["Nuovo accesso al tuo account"]);
  }).toPass({ timeout: 15_000 });
  expect(await mailboxText(page, c.email, "Nuovo accesso al tuo account")).toContain("Firefox su Windows");

  await page.goto("/il-mio-account");
  const devices = page.getByRole("region", { name: "Dispositivi connessi" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByRole("listitem").filter({ has: page.getByText("Questo dispositivo", { exact: true }) })).toHaveCount(1);
  await expectAccessible(page);
  const stolen = devices.getByRole("listitem").filter({ hasText: "Firefox su Windows" });
  await stolen.getByRole("button", { name: /^Esci da questo dispositivo/ }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await thiefPage.goto("/ordini");
  await expect(thiefPage).toHaveURL(/\/login$/);
  // This browser is still in.
  await page.goto("/ordini");
  await expect(page.getByRole("heading", { level: 1, name: "Ordini" })).toBeVisible();

  // Esci da tutti i dispositivi: this one too.
  await loginWithUsername(thiefPage, c.username);
  await expect(thiefPage).toHaveURL("/");
  await page.goto("/il-mio-account");
  await page.getByRole("button", { name: "Esci da tutti i dispositivi" }).click();
  await expect(page).toHaveURL(/\/login\?uscita=1$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/login$/);
  await thief.close();
});

test("Esci revokes the session itself: the cookie copied before logout opens nothing", async ({ page, browser }) => {
  const c = await newCustomer(page.request);
  await loginWithUsername(page, c.username);
  await expect(page).toHaveURL("/");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Esci", exact: true }).click();
  await expect(page.getByText("Sei uscito dall'Area Clienti.")).toBeVisible();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const copyPage = await copy.newPage();
  await copyPage.goto("/");
  await expect(copyPage).toHaveURL(/\/login$/);
  await copy.close();
});
