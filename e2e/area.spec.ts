import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

test.describe("mario.rossi's area", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "mario.rossi");
    await page.goto("/");
  });

  test("home lists the services with status, expiry and automatic renewal", async ({ page }) => {
    const rows = page.getByRole("table").getByRole("row");
    const row = (name: string) => rows.filter({ has: page.getByRole("rowheader", { name }) });

    await expect(row("mario.rossi@pec-demo.it")).toContainText("Attivo");
    await expect(row("mario.rossi@pec-demo.it")).toContainText("Non attivo");
    await expect(row("SPID Mario Rossi")).toContainText("Attivo");
    await expect(row("Fatturazione Elettronica RSSMRA80A01H501U").getByText("Attivo")).toHaveCount(2);
    await expect(row("Firma Digitale Remota RSSMRA80A01H501U")).toContainText("Non disponibile");
    await expect(row("Marca Temporale – 100 marche")).toContainText("In attivazione");
    await expect(page.getByRole("link", { name: /^Gestisci/ })).toHaveCount(5);

    await expect(page.getByRole("status").filter({ hasText: "Hai 2 ordini in attesa di pagamento." })).toBeVisible();
    await expectAccessible(page);
  });

  test("Gestisci opens the service with its orders and the Paga button", async ({ page }) => {
    await page.getByRole("link", { name: "Gestisci mario.rossi@pec-demo.it" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "mario.rossi@pec-demo.it" })).toBeVisible();
    await expect(page.getByText("Il rinnovo automatico non è attivo")).toBeVisible();
    const order = page.getByRole("row", { name: /ORD-2026-000101/ });
    await expect(order).toContainText("In attesa di pagamento");
    await expect(order).toContainText("10,98 €");
    await expectAccessible(page);

    await order.getByRole("link", { name: "Paga" }).click();
    await expect(page.getByRole("heading", { name: "Pagamento dell'ordine ORD-2026-000101" })).toBeVisible();
    await expect(page.getByText("10,98 €")).toBeVisible();
    await expectAccessible(page);
  });

  test("a product without automatic renewal says so on its page", async ({ page }) => {
    await page.getByRole("link", { name: "Gestisci Firma Digitale Remota RSSMRA80A01H501U" }).click();
    await expect(page.getByText("Il rinnovo automatico non è disponibile per Firma Digitale e Marca Temporale.")).toBeVisible();
    await expect(page.getByText("Nessun ordine per questo servizio.")).toBeVisible();
  });

  test("orders page lists every order and filters by status", async ({ page }) => {
    await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Ordini" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ordini" })).toBeVisible();
    await expect(page.getByRole("row", { name: /ORD-2026-000101/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /ORD-2026-000102/ })).toContainText("Marca Temporale");
    await expectAccessible(page);

    await page.getByLabel("Filtra per stato").selectOption({ label: "Pagato" });
    await page.getByRole("button", { name: "Filtra" }).click();
    await expect(page).toHaveURL(/stato=PAID/);
    await expect(page.getByText("Nessun ordine da mostrare.")).toBeVisible();

    await page.getByLabel("Filtra per stato").selectOption({ label: "In attesa di pagamento" });
    await page.getByRole("button", { name: "Filtra" }).click();
    await expect(page.getByRole("link", { name: /^Paga l'ordine/ })).toHaveCount(2);

    await page.goto("/ordini?stato=<script>");
    await expect(page.getByText("Il filtro richiesto non è valido: sono mostrati tutti gli ordini.")).toBeVisible();
    await expect(page.getByRole("row", { name: /ORD-2026-000101/ })).toBeVisible();
  });

  test("order details show items, net, VAT 22% and total", async ({ page }) => {
    await page.goto("/ordini?stato=AWAITING_PAYMENT");
    await page.getByRole("link", { name: "Paga l'ordine ORD-2026-000102" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pagamento dell'ordine ORD-2026-000102" })).toBeVisible();
    // exact: "Paga l'ordine ORD-…" would match "Ordine ORD-…" too.
    await page.getByRole("link", { name: "Ordine ORD-2026-000102", exact: true }).click();
    await expect(page).toHaveURL(/\/ordini\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Ordine ORD-2026-000102", exact: true })).toBeVisible();
    await expect(page.getByRole("rowheader", { name: "Marca Temporale – 100 marche" })).toBeVisible();
    await expect(page.getByText("18,00 €").first()).toBeVisible();
    await expect(page.getByText("3,96 €").first()).toBeVisible();
    await expect(page.getByText("21,96 €").first()).toBeVisible();
    await expectAccessible(page);
  });
});
