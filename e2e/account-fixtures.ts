import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD, formAlert, openMail } from "./fixtures";

/** The demo staff's authenticator secrets, as the demo seed enrols them (README, "Demo accounts"). */
export const DEMO_STAFF_TOTP = { admin: "DEMOADMINTOTPSECRETBASE32AAAAAAA", supporto: "DEMOSUPPORTOTOTPSECRETBASE32AAAA" } as const;

const PERIOD_MS = 30_000;
const totpAt = (secret: string, stepStart: number) => new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: stepStart });

/** The code an authenticator app shows now for this secret. */
export function totpNow(secret: string): string {
  return totpAt(secret, Date.now());
}

// The server accepts a code once (its time step is recorded) and one step either side of now. Tests
// log the same member of staff in many times, so each login takes the next unused step: now's,
// or the next one's, waiting for the step to come within reach when both are spent.
const lastStep = new Map<string, number>();
async function freshCode(secret: string): Promise<string> {
  const current = Math.floor(Date.now() / PERIOD_MS);
  const step = Math.max(current, (lastStep.get(secret) ?? 0) + 1);
  if (step > current + 1) await new Promise((r) => setTimeout(r, (step - 1) * PERIOD_MS - Date.now() + 500));
  lastStep.set(secret, step);
  return totpAt(secret, step * PERIOD_MS);
}

/** The second step of a login: the authenticator's code, with one retry on the next step if that code was spent. */
export async function answerTotp(page: Page, secret: string, landed: () => Promise<void>) {
  const step = page.getByRole("region", { name: "Verifica in due passaggi" });
  await expect(step.getByLabel("Codice dell'app di autenticazione")).toBeVisible();
  for (let attempt = 0; ; attempt++) {
    await step.getByLabel("Codice dell'app di autenticazione").fill(await freshCode(secret));
    await step.getByRole("button", { name: "Verifica" }).click();
    const refused = formAlert(page).filter({ hasText: "Codice non valido" });
    const outcome = await Promise.race([landed().then(() => "ok", () => "timeout"), refused.waitFor({ timeout: 15_000 }).then(() => "refused", () => "timeout")]);
    if (outcome === "ok") return;
    if (outcome === "timeout" || attempt > 0) throw new Error(`the second step did not complete (${outcome})`);
  }
}

export async function loginAsDemoStaff(page: Page, username: "admin" | "supporto") {
  await page.goto("/backoffice/accesso");
  await page.getByLabel("Nome utente").fill(username);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Accedi" }).click();
  await answerTotp(page, DEMO_STAFF_TOTP[username], () => expect(page.getByRole("heading", { level: 1, name: "Richieste" })).toBeVisible());
}

/** A member of staff of the test's own (one-time password to change at the first login). */
export async function newStaff(request: APIRequestContext, role: "amministrazione" | "supporto"): Promise<{ username: string; oneTimePassword: string }> {
  const res = await request.post("/dev/fixtures/staff", { data: { action: "add", role } });
  expect(res.status()).toBe(201);
  return res.json();
}

export async function disableStaff(request: APIRequestContext, username: string) {
  const res = await request.post("/dev/fixtures/staff", { data: { action: "disable", username } });
  expect(res.ok()).toBe(true);
}

/** The path of the first link to this area in the newest e-mail with this subject (e.g. "/password-dimenticata/<token>"). */
export async function mailLink(page: Page, to: string, subject: string): Promise<string> {
  await openMail(page, to, subject);
  const text = await page.getByTestId("mail-text").innerText();
  const url = /https?:\/\/[^\s/]+(\/(?:password-dimenticata|conferma-email|annulla-email)\/[A-Za-z0-9_-]{43})/.exec(text);
  if (!url) throw new Error(`no link in "${subject}"`);
  return url[1];
}

/** Chromium's virtual authenticator (CDP): a platform authenticator with user verification, holding resident keys. */
export async function addVirtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}
