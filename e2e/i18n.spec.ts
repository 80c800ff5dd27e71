import { expect, test } from "@playwright/test";
import { expectAccessible, loginWithUsername, newCustomer } from "./fixtures";

test("Italian by default, English on request, remembered across pages", async ({ page, request }) => {
  const customer = await newCustomer(request);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log in to the Customer Area" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectAccessible(page);

  const form = page.getByRole("region", { name: "Log in with username" });
  await form.getByLabel("Username").fill(customer.username);
  await form.getByLabel("Password").fill(customer.password);
  await form.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My services" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You have an order awaiting payment." })).toBeVisible();
  // Money stays in the Italian format, dates are those of Rome.
  await page.getByRole("link", { name: `Manage ${customer.pecAddress}` }).click();
  await expect(page.getByRole("row", { name: /ORD-QA-/ })).toContainText("10,98 €");
  await expect(page.getByRole("row", { name: /ORD-QA-/ })).toContainText("Awaiting payment");

  await page.getByRole("button", { name: "Italiano" }).click();
  await expect(page.getByRole("row", { name: /ORD-QA-/ })).toContainText("In attesa di pagamento");
  await expect(page.locator("html")).toHaveAttribute("lang", "it");
});
