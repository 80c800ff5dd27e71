import { expect, test } from "@playwright/test";
import { expectAccessible, loginWithUsername } from "./fixtures";

const marioPec = "/servizi/00000000-0000-4000-8000-000000001231";

test("without a session every page of the area leads to the login", async ({ page }) => {
  for (const path of ["/", "/ordini", marioPec, "/pec"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
  await expectAccessible(page);
});

test("a customer cannot open another customer's service or order by URL", async ({ page }) => {
  await loginWithUsername(page, "mario.rossi");
  await expect(page).toHaveURL("/");
  await page.goto("/ordini");
  const orderUrl = await page.getByRole("link", { name: "Paga l'ordine ORD-2026-000101" }).getAttribute("href");
  const payUrl = orderUrl!;
  const detailUrl = payUrl.replace(/\/paga$/, "");

  await page.getByRole("button", { name: "Esci" }).click();
  await expect(page).toHaveURL(/\/login/);
  await loginWithUsername(page, "anna.bianchi");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("rowheader", { name: "protocollo@pec-demo.it" })).toBeVisible();
  await expect(page.getByText("mario.rossi@pec-demo.it")).toHaveCount(0);

  for (const path of [marioPec, detailUrl, payUrl, "/servizi/not-a-uuid", "/ordini/../../etc/passwd", "/ordini/00000000-0000-4000-8000-00000000ffff"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Pagina non trovata" })).toBeVisible();
    await expect(page.getByText("ORD-2026-000101")).toHaveCount(0);
  }
  await expectAccessible(page);
});
