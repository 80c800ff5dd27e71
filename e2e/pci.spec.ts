import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { cardNumberPattern } from "../lib/demo/card-numbers";

// Runs after every other spec (playwright.config.ts, project "pci"): by then the suite has typed
// every test card into the bank's page, so this is where a leak would show.
const anyCardNumber = cardNumberPattern();

test("no card number reached the database, the bank's tables included", async ({ request }) => {
  const res = await request.get("/dev/pci-scan");
  expect(res.status()).toBe(200);
  expect((await res.json()).matches).toEqual([]);
});

test("no card number reached the server's log", async () => {
  const log = readFileSync(process.env.E2E_SERVER_LOG ?? ".data/e2e-server.log", "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log.match(anyCardNumber)).toBeNull();
});
