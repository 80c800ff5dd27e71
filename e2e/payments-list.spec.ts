import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, formAlert, mailboxSubjects, newCustomer, openMail } from "./fixtures";
import { payInvoiceInBrowser } from "./pay-invoice-helpers";

const LIST_SUBJECT = "Lista Pagamenti richiesta";
const DONE = "Se i dati corrispondono a un cliente, la lista dei pagamenti del periodo sarà inviata all'ultimo indirizzo e-mail registrato.";
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome" }).format(new Date());

async function requestList(page: Page, data: { customerCode: string; taxId: string; from?: string; to?: string }) {
  await page.goto("/lista-pagamenti");
  await expect(page.getByRole("heading", { level: 1, name: "Lista Pagamenti" })).toBeVisible();
  await page.getByLabel("Cod. Cliente").fill(data.customerCode);
  await page.getByLabel("Codice fiscale o Partita IVA").fill(data.taxId);
  if (data.from) await page.getByLabel(/^Dal\s/).fill(data.from);
  if (data.to) await page.getByLabel(/^Al\s/).fill(data.to);
  await page.getByRole("button", { name: "Richiedi la lista" }).click();
}

/** The CSV attached to the newest list e-mail sent to `to`, downloaded from the mailbox. */
async function listCsv(page: Page, to: string) {
  await openMail(page, to, LIST_SUBJECT);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Lista-Pagamenti-.*\.csv$/ }).click();
  return readFile((await (await downloading).path())!, "utf8");
}

test("the payment list goes to the registered address, never to one typed on the page, and shows nothing", async ({ page, request }) => {
  const c = await newCustomer(request, { invoices: true });
  const invoice = c.invoices.find((i) => i.status === "UNPAID")!;
  // Paid by someone whose receipt goes elsewhere: the list still goes only to the registered address.
  const payer = uniqueEmail("pagatore");
  const { outcome } = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "122,00", regime: "ordinario", email: payer, card: "4242" });
  expect(outcome).toBe("Pagamento riuscito");

  await page.goto("/lista-pagamenti");
  await expectAccessible(page);
  // The form asks for no address at all.
  await expect(page.locator("main input[type=email]")).toHaveCount(0);
  await requestList(page, { customerCode: c.customerCode.toLowerCase(), taxId: c.fiscalCode.toLowerCase() });
  await expect(page.getByRole("main").getByRole("status")).toHaveText(DONE);
  await expect(page.getByText(invoice.number)).toHaveCount(0);
  await expectAccessible(page);

  await expect.poll(() => mailboxSubjects(page, c.email), { timeout: 20_000 }).toContain(LIST_SUBJECT);
  const csv = await listCsv(page, c.email);
  expect(csv.startsWith("\ufeffData pagamento;Tipo;Numero fattura")).toBe(true);
  expect(csv).toMatch(new RegExp(`;Paga fattura;${invoice.number};;122,00;Ordinario;Carta Visa •••• 4242;[0-9a-f-]{36};QT-\\d{4}-\\d{6};`));
  expect(await mailboxSubjects(page, payer)).not.toContain(LIST_SUBJECT);
});

test("a request that matches no customer gets the same answer and sends nothing", async ({ page, request }) => {
  const c = await newCustomer(request);
  // The FAQ and the Manuale d'uso lead here.
  await page.goto("/assistenza/manuale");
  await expect(page.getByRole("heading", { level: 2, name: "8. Lista Pagamenti" })).toBeVisible();
  await page.goto("/assistenza/faq");
  await page.getByText("Come faccio a reperire la lista dei pagamenti effettuati in passato?").click();
  await page.locator("#lista-pagamenti").getByRole("link", { name: "Lista Pagamenti" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lista Pagamenti" })).toBeVisible();

  await requestList(page, { customerCode: c.customerCode, taxId: "RSSMRA80A01H501U" });
  await expect(page.getByRole("main").getByRole("status")).toHaveText(DONE);
  await requestList(page, { customerCode: "C999999", taxId: c.fiscalCode });
  await expect(page.getByRole("main").getByRole("status")).toHaveText(DONE);
  // Give a job that should not exist the time it would have needed.
  await page.waitForTimeout(3_000);
  expect(await mailboxSubjects(page, c.email)).not.toContain(LIST_SUBJECT);
});

test("a wrong period is explained in the form and sends nothing", async ({ page }) => {
  await requestList(page, { customerCode: "", taxId: "", from: "2026-03-10", to: "2026-03-01" });
  await expect(formAlert(page)).toHaveText("La richiesta non è stata inviata: controlla i campi evidenziati.");
  await expect(page.getByText("Campo obbligatorio")).toHaveCount(2);
  await expect(page.getByText("La data finale non può essere precedente a quella iniziale")).toBeVisible();
  await expect(page.getByLabel(/^Al\s/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  const year = Number(today().slice(0, 4));
  await page.getByLabel(/^Dal\s/).fill(`${year - 6}-01-01`);
  await page.getByLabel(/^Al\s/).fill(`${year + 1}-01-01`);
  await page.getByRole("button", { name: "Richiedi la lista" }).click();
  await expect(page.getByText("La data non può essere successiva a oggi")).toBeVisible();
  await page.getByLabel(/^Al\s/).fill(today());
  await page.getByRole("button", { name: "Richiedi la lista" }).click();
  await expect(page.getByText("Il periodo può durare al massimo 5 anni")).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);
});
