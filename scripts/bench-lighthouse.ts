/**
 * The Lighthouse side of `npm run bench`: performance and accessibility of the pages a customer
 * opens first, with Lighthouse's default mobile emulation (a mid-range phone, simulated 4G and
 * CPU slowdown), in the machine's Chromium (no browser download: none is reachable here).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseResult = { name: string; path: string; performance: number; accessibility: number; failedAudits: string[]; accessibilityIssues: string[] };

const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps trying to reach Google's hosts.
const chromeFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * One run; a run whose trace Lighthouse failed to record (NO_NAVSTART and the like, which it
 * answers with "run Lighthouse again", seen on a loaded machine) is run again, twice at most.
 */
async function audit(port: number, url: string, cookie: string | undefined) {
  for (let attempt = 1; ; attempt++) {
    const run = await lighthouse(url, {
      port,
      logLevel: "error",
      output: "json",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: cookie ? { cookie } : undefined,
    });
    if (!run) throw new Error(`lighthouse: no result for ${url}`);
    const { runtimeError } = run.lhr;
    if (!runtimeError) return run.lhr;
    if (attempt === 3) throw new Error(`lighthouse: ${url}: ${runtimeError.code} ${runtimeError.message}`);
    console.warn(`lighthouse: ${url}: ${runtimeError.code}, running it again`);
  }
}

/** One Lighthouse run per page, in one Chromium; `cookie` is sent with every request of a page that has one. */
export async function runLighthouse(baseUrl: string, pages: { name: string; path: string; cookie?: string }[]): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    const results: LighthouseResult[] = [];
    for (const page of pages) {
      const { categories, audits, finalDisplayedUrl } = await audit(chrome.port, baseUrl + page.path, page.cookie);
      // A page that redirected (to the login, say) would score the wrong page.
      if (new URL(finalDisplayedUrl).pathname !== page.path.split("?")[0]) throw new Error(`lighthouse: ${page.path} ended on ${finalDisplayedUrl}`);
      const accessibilityIds = new Set(categories.accessibility.auditRefs.map((r) => r.id));
      results.push({
        name: page.name,
        path: page.path,
        performance: Math.round((categories.performance.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
        failedAudits: Object.values(audits)
          .filter((a) => a.score !== null && a.score < 1 && (accessibilityIds.has(a.id) || a.scoreDisplayMode === "metricSavings" || a.scoreDisplayMode === "numeric"))
          .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`),
        // Which elements an accessibility audit refused, so that the report says what to fix.
        accessibilityIssues: Object.values(audits)
          .filter((a) => accessibilityIds.has(a.id) && a.score !== null && a.score < 1)
          .flatMap((a) => ((a.details as { items?: { node?: { snippet?: string; explanation?: string } }[] } | undefined)?.items ?? []).slice(0, 3).map((i) => `${a.id}: ${i.node?.snippet ?? "?"} (${i.node?.explanation?.split("\n")[0] ?? ""})`)),
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
