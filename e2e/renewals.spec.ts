import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn, mailboxSubjects, mailboxText, newCustomer, type TestCustomer } from "./fixtures";

/** QA's "as of" tool: the renewal engine for this customer only, as of today. */
async function runEngine(page: Page, customer: TestCustomer) {
  await page.goto("/dev/renewals");
  await expect(page.getByRole("heading", { level: 1, name: "Motore dei rinnovi" })).toBeVisible();
  await expect(page.getByLabel("Data di esecuzione")).not.toHaveValue("");
  await page.getByLabel("Codice cliente (facoltativo)").fill(customer.customerCode);
  await page.getByRole("button", { name: "Esegui il motore dei rinnovi" }).click();
  const result = page.getByRole("region", { name: /^Esito dell'esecuzione/ });
  await expect(result).toBeVisible();
  return result;
}

const spidOf = (customer: TestCustomer) => `SPID ${customer.username.slice(3)}`;

test("a declined automatic renewal: notice on the home page with Paga, and an e-mail", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "0341", spidExpiresInDays: 5 });
  const result = await runEngine(page, customer);
  await expect(result.getByText("Ordini di rinnovo creati")).toBeVisible();
  await expect(result.locator("div", { hasText: "Addebiti non riusciti" }).getByRole("definition")).toHaveText("1");
  await expect(result.locator("div", { hasText: "Rinnovi addebitati" }).getByRole("definition")).toHaveText("0");

  await signIn(page, customer.username);
  await page.goto("/");
  const notice = page.getByRole("status").filter({ hasText: `Il rinnovo automatico di ${spidOf(customer)} non è andato a buon fine` });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("30,38 €");
  await expectAccessible(page);
  await notice.getByRole("link", { name: /^Paga l'ordine ORD-\d{4}-\d{6}$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Pagamento dell'ordine ORD-/ })).toBeVisible();

  const subject = `Rinnovo automatico non riuscito per ${spidOf(customer)}`;
  await expect(async () => expect(await mailboxSubjects(page, customer.email)).toContain(subject)).toPass({ timeout: 20_000 });
  const text = await mailboxText(page, customer.email, subject);
  for (const part of ["La banca ha rifiutato il pagamento con la carta registrata.", "30,38 €", "Riproveremo automaticamente il", "/paga"]) expect(text).toContain(part);
  expect(text).not.toMatch(/4000 ?0000 ?0000 ?0341/);
});

test("a successful automatic renewal: the order is Pagato and the receipt is in the mailbox", async ({ page, request }) => {
  const customer = await newCustomer(request, { kind: "saved-card", card: "4242", spidExpiresInDays: 5 });
  const result = await runEngine(page, customer);
  await expect(result.locator("div", { hasText: "Rinnovi addebitati" }).getByRole("definition")).toHaveText("1");
  // Running it again the same day changes nothing: no second order, no second charge.
  await page.getByRole("button", { name: "Esegui il motore dei rinnovi" }).click();
  await expect(result.locator("div", { hasText: "Ordini di rinnovo creati" }).getByRole("definition")).toHaveText("0");
  await expect(result.locator("div", { hasText: "Rinnovi addebitati" }).getByRole("definition")).toHaveText("0");
  expect(await (await request.get(`/dev/fixtures/customers/${customer.customerId}/payments`)).json()).toMatchObject({ succeeded: 1, bankCharges: 1 });

  await signIn(page, customer.username);
  await page.goto("/");
  await expect(page.getByText(/non è andato a buon fine/)).toHaveCount(0);
  await page.getByRole("navigation", { name: "Navigazione principale" }).getByRole("link", { name: "Ordini" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ordini" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(`^ORD-\\d{4}-\\d{6} .*${spidOf(customer)}`) });
  await expect(row).toContainText("Pagato");
  const number = (await row.innerText()).match(/ORD-\d{4}-\d{6}/)![0];

  const subject = `Conferma di pagamento dell'ordine ${number}`;
  await expect(async () => expect(await mailboxSubjects(page, customer.email)).toContain(subject)).toPass({ timeout: 20_000 });
  const receipt = await mailboxText(page, customer.email, subject);
  for (const part of [`come previsto dal rinnovo automatico, abbiamo addebitato il rinnovo di ${spidOf(customer)}`, "Totale pagato: 30,38 €", "Visa •••• 4242"]) expect(receipt).toContain(part);
});
