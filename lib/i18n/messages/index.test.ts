import { describe, expect, it } from "vitest";
import { locales } from "../config";
import { loadMessages, messageFiles } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("messages", () => {
  it("has the same keys in every language", async () => {
    const [first, ...rest] = await Promise.all(locales.map((l) => loadMessages(l)));
    for (const other of rest) expect(keys(other).sort()).toEqual(keys(first).sort());
  });

  it("gives each namespace to one file only", async () => {
    for (const locale of locales) {
      const seen = new Map<string, string>();
      for (const file of messageFiles) {
        const part = (await import(`./${locale}/${file}.json`)).default as Record<string, unknown>;
        for (const ns of Object.keys(part)) {
          expect(seen.get(ns), `${locale}: "${ns}" is in ${seen.get(ns)} and ${file}`).toBeUndefined();
          seen.set(ns, file);
        }
      }
    }
  });
});
