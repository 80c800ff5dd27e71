import { expect, test } from "@playwright/test";
import { expectAccessible, newCustomer, signIn } from "../fixtures";
import { expectFitsPhones, menuButton } from "./fit";

test("phone: the navigation folds behind Menu, opens by touch or keyboard and closes once a link is followed", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await signIn(page, customer.username);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Navigazione principale" });
  await expect(nav).toBeHidden();
  await expect(page.getByRole("banner").getByRole("button", { name: "Esci", exact: true })).toBeHidden();
  // The services as cards, the menu closed.
  await expectAccessible(page);

  await menuButton(page).tap();
  await expect(nav.getByRole("link", { name: "I miei servizi" })).toHaveAttribute("aria-current", "page");
  for (const name of ["Ordini", "Fatture", "Metodi di pagamento", "Assistenza", "Il mio account"]) await expect(page.getByRole("banner").getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Esci", exact: true })).toBeVisible();
  await expectFitsPhones(page, "the open menu");
  await expectAccessible(page);

  await nav.getByRole("link", { name: "Ordini" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Ordini" })).toBeVisible();
  await expect(nav).toBeHidden();

  // The keyboard: Tab reaches the button after the skip link and the name, Enter opens, Enter closes.
  await menuButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "Ordini" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "I miei servizi" })).toBeFocused();
  await menuButton(page).focus();
  await page.keyboard.press("Enter");
  await expect(nav).toBeHidden();
});

test("desktop width: the whole navigation is shown and there is no Menu button", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await signIn(page, customer.username);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto("/");
  await expect(menuButton(page)).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Metodi di pagamento" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Esci", exact: true })).toBeVisible();
});

test("phone: a visitor's pages fold their navigation too; pages without one keep the language switch in sight", async ({ page }) => {
  await page.goto("/paga-fattura");
  const nav = page.getByRole("navigation", { name: "Servizi senza accesso" });
  await expect(nav).toBeHidden();
  await menuButton(page).tap();
  await expect(nav.getByRole("link", { name: "Lista Pagamenti" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Accedi" })).toBeVisible();
  await expectFitsPhones(page, "the visitor's open menu");

  // No navigation, no menu: the login page and the staff's login keep the language switch in sight.
  for (const path of ["/login", "/backoffice/accesso"]) {
    await page.goto(path);
    await expect(menuButton(page)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "English" })).toBeVisible();
  }
});
