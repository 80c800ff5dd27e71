import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, mailboxSubjects, mailboxText, newCustomer } from "./fixtures";

async function expectMail(page: Page, to: string, subject: string) {
  await expect(async () => {
    expect(await mailboxSubjects(page, to)).toContain(subject);
  }).toPass({ timeout: 20_000 });
}

test("turning PEC renewal on from its page and off from the home list, with the e-mails", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card" });
  await signIn(page, customer.username);
  await page.goto("/");
  await page.getByRole("link", { name: `Gestisci ${customer.pecAddress}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: customer.pecAddress })).toBeVisible();

  const renewal = page.getByRole("switch", { name: "Rinnovo automatico", exact: true });
  await expect(renewal).toHaveAttribute("aria-checked", "false");

  // Annulla changes nothing.
  await renewal.click();
  const dialog = page.getByRole("dialog", { name: `Attivare il rinnovo automatico di ${customer.pecAddress}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Annulla" }).click();
  await expect(dialog).toBeHidden();
  await expect(renewal).toHaveAttribute("aria-checked", "false");

  await renewal.click();
  await expect(dialog).toContainText("10,98 €");
  await expect(dialog).toContainText("Visa •••• 4242");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Conferma" }).click();
  await expect(dialog).toBeHidden();
  await expect(renewal).toHaveAttribute("aria-checked", "true");
  await expect(page.getByText("Il servizio verrà rinnovato automaticamente alla scadenza.")).toBeVisible();

  await expectMail(page, customer.email, `Rinnovo automatico attivato per ${customer.pecAddress}`);
  expect(await mailboxText(page, customer.email, `Rinnovo automatico attivato per ${customer.pecAddress}`)).toContain("10,98 € IVA inclusa");

  await page.goto("/");
  const listed = page.getByRole("switch", { name: `Rinnovo automatico di ${customer.pecAddress}`, exact: true });
  await expect(listed).toHaveAttribute("aria-checked", "true");
  await listed.click();
  const off = page.getByRole("dialog", { name: `Disattivare il rinnovo automatico di ${customer.pecAddress}?` });
  await expect(off).toContainText("Il servizio scadrà il");
  await expectAccessible(page);
  await off.getByRole("button", { name: "Conferma" }).click();
  await expect(off).toBeHidden();
  await expect(listed).toHaveAttribute("aria-checked", "false");

  const subject = `Rinnovo automatico disattivato per ${customer.pecAddress}`;
  await expectMail(page, customer.email, subject);
  const text = await mailboxText(page, customer.email, subject);
  expect(text).toContain("smetterà di funzionare");
  expect(text).toContain("Puoi riattivare il rinnovo automatico");
  expect((await mailboxSubjects(page, customer.email)).filter((s) => s.startsWith("Rinnovo automatico"))).toHaveLength(2);
});

test("a renewal above the ceiling in force asks for a new ceiling first, then shows it on Metodi di pagamento", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", conservazione: true });
  const name = `Conservazione ${customer.username.replace(/^qa\./, "")}`;
  await signIn(page, customer.username);
  await page.goto("/");

  const renewal = page.getByRole("switch", { name: `Rinnovo automatico di ${name}`, exact: true });
  await renewal.click();
  const dialog = page.getByRole("dialog", { name: `Attivare il rinnovo automatico di ${name}?` });
  await expect(dialog).toContainText("73,20 €");
  await dialog.getByRole("button", { name: "Conferma" }).click();

  await expect(dialog.getByText("Importo massimo prelevabile: 73,20 €")).toBeVisible();
  await expect(dialog).toContainText("Carta: Visa •••• 4242");
  await expect(renewal).toHaveAttribute("aria-checked", "false");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Autorizza e procedi" }).click();
  await expect(dialog).toBeHidden();
  await expect(renewal).toHaveAttribute("aria-checked", "true");

  await page.goto("/metodi-di-pagamento");
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
  await expect(page.getByText(/Importo massimo prelevabile in vigore: 73,20\s€ sulla carta Visa •••• 4242/)).toBeVisible();
  await expectMail(page, customer.email, `Rinnovo automatico attivato per ${name}`);
});

test("without a saved card the customer is told to add one", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "no-card" });
  await signIn(page, customer.username);
  await page.goto("/");
  await page.goto(`/servizi/${customer.pecServiceId}`);
  const renewal = page.getByRole("switch", { name: "Rinnovo automatico", exact: true });
  await renewal.click();
  const dialog = page.getByRole("dialog", { name: `Attivare il rinnovo automatico di ${customer.pecAddress}?` });
  await dialog.getByRole("button", { name: "Conferma" }).click();

  await expect(dialog.getByRole("alert")).toContainText("serve una carta di credito registrata");
  await expect(renewal).toHaveAttribute("aria-checked", "false");
  await expectAccessible(page);
  await dialog.getByRole("link", { name: "Metodi di pagamento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Metodi di pagamento" })).toBeVisible();
  expect((await mailboxSubjects(page, customer.email)).filter((s) => s.startsWith("Rinnovo automatico"))).toEqual([]);
});

test("Firma Digitale has no switch and says why (mario.rossi, read only)", async ({ page }) => {
  await signIn(page, "mario.rossi");
  await page.goto("/");
  const firma = "Firma Digitale Remota RSSMRA80A01H501U";
  await expect(page.getByRole("switch", { name: `Rinnovo automatico di ${firma}` })).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Rinnovo automatico di mario.rossi@pec-demo.it", exact: true })).toHaveAttribute("aria-checked", "false");
  await expect(page.getByText("Il rinnovo automatico non è disponibile per Firma Digitale e Marca Temporale.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: `Gestisci ${firma}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: firma })).toBeVisible();
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByText("Il rinnovo automatico non è disponibile per Firma Digitale e Marca Temporale.")).toBeVisible();
});
