import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium where present (browser downloads are blocked on our machines, see README);
// elsewhere Playwright's own browser.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // One worker: on our two cores the server, the browser and the jobs already share the CPU; two
  // workers made the suite no faster (6.2 min against 5.5) and doubled each test's time.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"], ["html", { open: "never" }]],
  // Generous: two cores shared by the server, its job worker and the browser.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    // Traces cost time on every test; CI output is text only, so CI records none (rerun locally to get one).
    trace: process.env.CI ? "off" : "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: [/pci\.spec\.ts/, /[\\/]phone[\\/]/] },
    // A phone (a 375 × 812 touch screen, Chromium's engine: the only browser on our machines): the
    // seed flows and every main page at 320–414 px (e2e/phone/), not the whole suite a second time.
    { name: "phone", testMatch: /[\\/]phone[\\/].*\.spec\.ts$/, use: { ...devices["Pixel 7"], viewport: { width: 375, height: 812 } } },
    // After everything else: searches the database and the server log for card numbers.
    { name: "pci", testMatch: /pci\.spec\.ts/, dependencies: ["chromium", "phone"] },
  ],
  webServer: {
    command: `bash scripts/e2e-server.sh ${PORT}`,
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
