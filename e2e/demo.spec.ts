import { expect, test } from "@playwright/test";
import { expectAccessible } from "./fixtures";

// The e2e server is a declared demo (scripts/e2e-server.sh: AREA_DEMO=1) on the sandbox bank.
test("a declared demo says on every page that no payment is real, and names its bank", async ({ page, request }) => {
  for (const path of ["/login", "/assistenza", "/paga-fattura", "/backoffice/accesso"]) {
    await page.goto(path);
    await expect(page.getByRole("region", { name: "Ambiente di prova" })).toContainText("Ambiente di prova: nessun pagamento è reale.");
  }
  await expectAccessible(page);
  const ready = await request.get("/api/ready");
  expect(await ready.json()).toMatchObject({ status: "ready", gateway: "sandbox", demo: true });
});
