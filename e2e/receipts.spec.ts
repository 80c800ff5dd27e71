import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { expectAccessible, loginWithUsername, mailboxSubjects, newCustomer } from "./fixtures";
import { payInvoiceInBrowser } from "./pay-invoice-helpers";

const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
const RECEIPT_SUBJECT = /^Quietanza di pagamento (QT-\d{4}-\d{6}) – fattura (FT-\d{4}-\d{6})$/;

/** The PDF's text on one line, with ordinary spaces (amounts carry a no-break space). */
async function pdfText(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** Opens the newest receipt e-mail sent to `to` and downloads its PDF attachment as a person would. */
async function receiptFromMailbox(page: Page, to: string) {
  await expect.poll(() => mailboxSubjects(page, to), { timeout: 20_000 }).toEqual([expect.stringMatching(RECEIPT_SUBJECT)]);
  const [subject] = await mailboxSubjects(page, to);
  const [, receiptNumber, invoiceNumber] = RECEIPT_SUBJECT.exec(subject)!;
  await page.getByRole("link", { name: subject }).click();
  const mailText = (await page.getByTestId("mail-text").innerText()).replace(/\s+/g, " ");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: `Quietanza-${receiptNumber}.pdf` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Quietanza-${receiptNumber}.pdf`);
  const pdf = new Uint8Array(await readFile((await download.path())!));
  return { receiptNumber, invoiceNumber, mailText, pdf, text: await pdfText(pdf) };
}

test("the quietanza reaches the address given on Paga fattura as a PDF, and the owner downloads the same one from Fatture", async ({ page, request }) => {
  const c = await newCustomer(request, { invoices: true });
  const invoice = c.invoices.find((i) => i.status === "UNPAID")!;
  const email = uniqueEmail("quietanza");
  const { outcome } = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "122,00", regime: "ordinario", email, payerName: "Giulia Neri", taxId: "RSSMRA80A01H501U", card: "4242" });
  expect(outcome).toBe("Pagamento riuscito");

  const r = await receiptFromMailbox(page, email);
  expect(r.invoiceNumber).toBe(invoice.number);
  expect(r.mailText).toContain("Gentile Giulia Neri");
  const transactionId = /ID transazione: ([0-9a-f-]{36})/.exec(r.mailText)?.[1];
  expect(transactionId).toBeTruthy();
  for (const expected of ["Quietanza di pagamento", r.receiptNumber, "Giulia Neri", "RSSMRA80A01H501U", `Fattura ${invoice.number} del`, c.customerCode, "Importo pagato 122,00 €", "Regime IVA Ordinario", "Carta Visa •••• 4242", `ID transazione ${transactionId}`]) {
    expect(r.text).toContain(expected);
  }
  expect(r.text).not.toContain("17-ter");
  // Sent once, to the address given only: not to the customer's registered address.
  expect(await mailboxSubjects(page, c.email)).not.toContainEqual(expect.stringMatching(RECEIPT_SUBJECT));

  await loginWithUsername(page, c.username, c.password);
  await expect(page.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();
  await page.goto(`/fatture/${invoice.id}`);
  const link = page.getByRole("link", { name: `Quietanza ${r.receiptNumber}` });
  await expect(link).toBeVisible();
  await expectAccessible(page);
  const href = (await link.getAttribute("href"))!;
  const owned = await page.request.get(href);
  expect(owned.status()).toBe(200);
  expect(owned.headers()["content-type"]).toBe("application/pdf");
  expect(Buffer.from(await owned.body()).equals(Buffer.from(r.pdf))).toBe(true);

  // Anyone else: not found, logged in or not.
  const other = await newCustomer(request);
  await page.context().clearCookies();
  expect((await page.request.get(href)).status()).toBe(404);
  await loginWithUsername(page, other.username, other.password);
  await expect(page.getByRole("heading", { level: 1, name: "I miei servizi" })).toBeVisible();
  expect((await page.request.get(href)).status()).toBe(404);
});

test("a split payment's quietanza states the net paid and the VAT paid by the body to the Treasury", async ({ page, request }) => {
  const c = await newCustomer(request, { kind: "public-body", invoices: true });
  const invoice = c.invoices.find((i) => i.status === "UNPAID")!;
  const email = uniqueEmail("ente");
  const { outcome } = await payInvoiceInBrowser(page, { number: invoice.number, customerCode: c.customerCode, amount: "250,00", regime: "split", email, payerName: "Comune di Prova", taxId: c.vatNumber ?? c.fiscalCode, card: "3184" });
  expect(outcome).toBe("Pagamento riuscito");

  const r = await receiptFromMailbox(page, email);
  for (const expected of ["Comune di Prova", invoice.number, "Importo pagato 250,00 €", "Totale fattura 305,00 €", "Regime IVA Split Payment", "art. 17-ter DPR 633/72", "pari a 55,00 €", "versata dall'ente direttamente all'Erario"]) {
    expect(r.text).toContain(expected);
  }
});
