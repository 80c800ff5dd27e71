import { expect, test } from "@playwright/test";
import { expectAccessible, loginWithUsername } from "./fixtures";

test("mario.rossi sees his saved Visa, that it pays the renewals, and the ceiling he authorised", async ({ page }) => {
  await loginWithUsername(page, "mario.rossi");
  await expect(page).toHaveURL("/");
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Metodi di pagamento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Visa •••• 4242" }) });
  await expect(row).toContainText("12/28");
  await expect(row).toContainText("Mario Rossi");
  await expect(row).toContainText("Usata per i rinnovi");
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 30,50\s€ sulla carta Visa •••• 4242/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Storico delle autorizzazioni" }).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
});

test("a customer without cards is told how a card gets saved", async ({ page }) => {
  await loginWithUsername(page, "anna.bianchi");
  await expect(page).toHaveURL("/");
  await page.goto("/metodi-di-pagamento");
  await expect(page.getByText("Non hai carte registrate.")).toBeVisible();
  await expect(page.getByText("Non hai ancora autorizzato un importo massimo prelevabile.")).toBeVisible();
});
