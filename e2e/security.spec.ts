import { expect, test, type Page } from "@playwright/test";
import { loginWithUsername } from "./fixtures";

/** Collects what the browser reports as blocked by the Content-Security-Policy. */
function cspViolations(page: Page) {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test("every page carries a per-request script nonce policy and cannot be framed", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  // Served over plain http here: no HSTS (it is sent when NEXTAUTH_URL/APP_URL is https).
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
});

test("the pages run under the policy: nothing blocked, forms and menus still work", async ({ page }) => {
  const violations = cspViolations(page);
  await loginWithUsername(page, "mario.rossi");
  await expect(page).toHaveURL("/");
  for (const path of ["/ordini", "/metodi-di-pagamento", "/assistenza/richiesta"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // A client-side validation message proves the page was hydrated (its scripts ran).
  await page.getByRole("button", { name: "Invia richiesta" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite", async ({ page, context }) => {
  await loginWithUsername(page, "mario.rossi");
  await expect(page).toHaveURL("/");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});
