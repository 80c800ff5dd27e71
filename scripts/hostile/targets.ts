/**
 * The attack surface, read from the production build rather than listed by hand:
 * - `.next/app-path-routes-manifest.json`: every page and route handler with its URL pattern;
 * - `.next/server/server-reference-manifest.json`: every server action (id, file, exported
 *   name) and the pages whose bundle holds it (an action is only found when posted to one);
 * - the route handler's source for its exported methods, and app/ for the query parameters the
 *   pages read.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export type Route = { file: string; pattern: string; methods: string[] };
export type Page = { file: string; pattern: string };
export type Action = { id: string; file: string; name: string; pages: string[] };

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export function readTargets(root = process.cwd()) {
  const appPaths = JSON.parse(readFileSync(path.join(root, ".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const routes: Route[] = [];
  const pages: Page[] = [];
  for (const [key, pattern] of Object.entries(appPaths)) {
    if (key.endsWith("/route")) {
      const source = readFileSync(path.join(root, "app", `${key}.ts`), "utf8");
      const methods = HTTP_METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?function\\s+${m}\\b|as\\s+${m}\\b|export\\s+const\\s+${m}\\b`).test(source));
      routes.push({ file: `app${key}.ts`, pattern, methods });
    } else if (key.endsWith("/page") && !key.startsWith("/_")) {
      pages.push({ file: `app${key}.tsx`, pattern });
    }
  }
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const actions: Action[] = Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename ?? "?",
    name: entry.exportedName ?? "?",
    // "app/(area)/ordini/[id]/paga/page" → the URL pattern of that page.
    pages: Object.keys(entry.workers).map((w) => appPaths[w.replace(/^app/, "")]).filter((p): p is string => Boolean(p)),
  }));
  return { routes, pages, actions, queryNames: harvestQueryNames(path.join(root, "app")) };
}

/** Query parameter names the pages read (`query.x`, `raw.x`, `searchParams.get("x")`). */
function harvestQueryNames(dir: string): string[] {
  const names = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(entry)) {
        const text = readFileSync(p, "utf8");
        for (const m of text.matchAll(/\b(?:query|raw|search|sp)\.(\w+)/g)) names.add(m[1]);
        for (const m of text.matchAll(/\.get\("(\w+)"\)/g)) names.add(m[1]);
      }
    }
  };
  walk(dir);
  for (const generic of ["get", "has", "then", "toString", "entries"]) names.delete(generic);
  return [...names];
}

/** Fills a URL pattern's dynamic segments (`[id]`, `[...nextauth]`) with the given function. */
export function fillPattern(pattern: string, fill: (segment: string, catchAll: boolean) => string): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, dots: string | undefined, name: string) => fill(name, Boolean(dots)));
}

export const isDynamic = (pattern: string) => pattern.includes("[");
