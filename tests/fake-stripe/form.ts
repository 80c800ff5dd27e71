import type { Params } from "./store";

/**
 * Decodes Stripe's form encoding (`metadata[ref]=x&line_items[0][quantity]=1&expand[0]=…`), the
 * way the SDK writes request bodies and GET queries, into nested objects and lists.
 */
export function decodeForm(encoded: string): Params {
  const root: Params = {};
  for (const pair of encoded.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const rawKey = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, " "));
    const value = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, " "));
    const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!m) continue;
    const path = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((s) => s[1])];
    assign(root, path, value);
  }
  return root;
}

type Node = Params | Params[] | string[];

function assign(root: Params, path: string[], value: string) {
  let node: Node = root;
  for (let i = 0; i < path.length; i++) {
    const last = i === path.length - 1;
    const key = path[i];
    const container = node as Record<string, unknown>;
    const index = key === "" && Array.isArray(node) ? node.length : key;
    if (last) {
      container[index] = value;
      return;
    }
    const nextIsIndex = /^\d*$/.test(path[i + 1]);
    container[index] ??= nextIsIndex ? [] : {};
    node = container[index] as Node;
  }
}
