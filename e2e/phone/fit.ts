import { expect, type Locator, type Page } from "@playwright/test";

/** The widths of the phones we promise (PRODUCT.md §9: 320 px and up); the project's viewport is 375. */
export const PHONE_WIDTHS = [320, 375, 414] as const;

/** Buttons, switches, the menu button, form controls, the header's links, radio and check box lines. */
const TARGETS = [
  "button",
  ".btn",
  "[role=switch]",
  "summary",
  "select",
  "textarea",
  "input:not([type=hidden]):not([type=radio]):not([type=checkbox])",
  "header nav a",
  ".header-tools a",
  ".choice",
].join(", ");

type Fit = { scrollWidth: number; clientWidth: number; wide: string[]; small: string[]; tinyText: string[]; viewport: string | null };

/** Runs in the page: what sticks out sideways, which targets are under 44 px, which inputs under 16 px. */
function measure(targets: string): Fit {
  const root = document.documentElement;
  const describe = (el: Element) => {
    const r = el.getBoundingClientRect();
    const name = el.getAttribute("aria-label") ?? el.getAttribute("name") ?? (el.textContent ?? "").trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? ` class="${el.className}"` : ""}> "${name}" ${Math.round(r.width)}×${Math.round(r.height)} at x=${Math.round(r.left)}`;
  };
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && el.checkVisibility({ visibilityProperty: true });
  };
  // A table of the back office may scroll inside its own frame (.table-wrap): the page does not.
  const insideScroller = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const all = [...document.body.querySelectorAll("*")];
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    wide: (() => {
      const out = all.filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5);
      // Likely culprits first; anything past the edge (e.g. positioned out of its frame) otherwise.
      const likely = out.filter((el) => shown(el) && !insideScroller(el));
      return (likely.length > 0 ? likely : out).slice(0, 5).map(describe);
    })(),
    small: [...document.querySelectorAll(targets)].filter(shown).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.height < 43.5 || r.width < 43.5;
    }).map(describe),
    tinyText: [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
      .filter(shown)
      .filter((el) => !["radio", "checkbox"].includes((el as HTMLInputElement).type) && parseFloat(getComputedStyle(el).fontSize) < 16)
      .map(describe),
    viewport: document.querySelector('meta[name="viewport"]')?.getAttribute("content") ?? null,
  };
}

/**
 * The page as it is now, at every phone width: nothing scrolls sideways, every target is at least
 * 44 × 44 px, no input's text is under 16 px (iOS zooms into those), and the viewport follows the
 * device's width without forbidding zoom. Leaves the viewport at the project's 375 px.
 */
export async function expectFitsPhones(page: Page, what: string) {
  const height = page.viewportSize()?.height ?? 812;
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height });
    const fit = await page.evaluate(measure, TARGETS);
    expect(fit.scrollWidth, `${what} scrolls sideways at ${width} px: ${fit.wide.join("; ")}`).toBeLessThanOrEqual(fit.clientWidth);
    expect(fit.small, `${what}: targets under 44 px at ${width} px`).toEqual([]);
    expect(fit.tinyText, `${what}: input text under 16 px`).toEqual([]);
    expect(fit.viewport, `${what}: viewport`).toMatch(/^width=device-width, initial-scale=1(?!.*(maximum-scale|user-scalable=no))/);
  }
  await page.setViewportSize({ width: 375, height });
}

/** Fully on the screen sideways (it may be further down the page). */
export async function expectWithinWidth(locator: Locator) {
  const box = await locator.boundingBox();
  const width = locator.page().viewportSize()!.width;
  expect(box, "shown").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

/** The header's "Menu" disclosure (a <summary>: Playwright gives it no role, screen readers call it a button). */
export function menuButton(page: Page) {
  return page.getByRole("banner").locator("summary", { hasText: "Menu" });
}
