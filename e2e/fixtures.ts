import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo1234!";

/** An invoice of a test customer (`invoices: true`): the unpaid one comes first, then the paid one. */
export type TestInvoice = { id: string; number: string; status: "UNPAID" | "PARTIALLY_PAID" | "PAID"; splitPayment: boolean; netCents: number; vatCents: number; totalCents: number };

export type TestCustomer = {
  customerId: string;
  customerCode: string;
  /** A 16-character codice fiscale, or for a public body an 11-digit one (with `vatNumber`). */
  fiscalCode: string;
  vatNumber: string | null;
  username: string;
  pecAddress: string;
  password: string;
  email: string;
  pecServiceId: string;
  order: { id: string; number: string };
  secondOrder?: { id: string; number: string };
  /** Empty unless created with `invoices: true`. */
  invoices: TestInvoice[];
};

/** A customer of the test's own, created through the domain layer by the dev-only route. */
export async function newCustomer(
  request: APIRequestContext,
  shape: { kind?: "no-card" | "saved-card" | "public-body"; card?: "4242" | "3184" | "0341"; extraOrder?: boolean; conservazione?: boolean; spidExpiresInDays?: number; invoices?: boolean } = {},
): Promise<TestCustomer> {
  const res = await request.post("/dev/fixtures/customers", { data: shape });
  expect(res.status()).toBe(201);
  return res.json();
}

export async function loginWithUsername(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const form = page.getByRole("region", { name: "Accedi con username" });
  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Accedi" }).click();
}

/**
 * Signs in through next-auth's credentials endpoint, without the form: for tests whose subject is
 * not the login (the form has its own tests in login.spec.ts). The session cookie lands in the
 * page's context, as the form would leave it.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/account", { form: { username, password, csrfToken, json: "true" } });
  expect(res.ok()).toBe(true);
  expect(new URL((await res.json()).url).searchParams.get("error")).toBeNull();
}

export async function loginWithPec(page: Page, address: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  const form = page.getByRole("region", { name: "Accedi con indirizzo PEC" });
  await form.getByLabel("Indirizzo PEC").fill(address);
  await form.getByLabel("Password della casella PEC").fill(password);
  await form.getByRole("button", { name: "Accedi" }).click();
}

/** The form's own message (Next's route announcer is an empty `alert` too). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next streams the metadata of a dynamic page after its content: axe must see the title too.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * Opens the newest e-mail with this subject sent to this address in the local mailbox. E-mails
 * are delivered by the worker after the action that queued them: the mailbox is looked at again
 * until it is there.
 */
export async function openMail(page: Page, to: string, subject: string) {
  const link = page.getByRole("link", { name: subject }).first();
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await link.click();
}

/** The plain-text body of the newest e-mail with this subject sent to this address. */
export async function mailboxText(page: Page, to: string, subject: string): Promise<string> {
  await openMail(page, to, subject);
  // Amounts are formatted with a no-break space before the euro sign.
  return (await page.getByTestId("mail-text").innerText()).replace(/\u00a0/g, " ");
}

/** The e-mails the local mailbox holds for one address, newest first (dev-only page). */
export async function mailboxSubjects(page: Page, to: string): Promise<string[]> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
  return page.getByRole("table").locator("tbody tr td:nth-child(2)").allInnerTexts();
}

/** The bank's hosted page: card data, Procedi, the masked summary (never the number), Invio dati, the OTP when asked. */
export async function enterCardAtBank(page: Page, number: string, otp?: string) {
  await page.getByLabel("Numero carta").fill(number);
  await page.getByLabel("Scadenza (MM/AA)").fill("12/30");
  await page.getByLabel("CVV").fill("123");
  await page.getByLabel("Intestatario").fill("Cliente QA");
  await page.getByRole("button", { name: "Procedi" }).click();
  await expect(page.getByText(`•••• ${number.slice(-4)}`)).toBeVisible();
  await expect(page.getByText(number)).toHaveCount(0);
  await page.getByRole("button", { name: "Invio dati" }).click();
  if (otp !== undefined) {
    await page.getByLabel("Codice OTP").fill(otp);
    await page.getByRole("button", { name: "Conferma" }).click();
  }
}
