/**
 * Next refuses a server action posted from another site, one over its body limit and one whose
 * body it can't decode, but its action handler answers all of them with a 500 (and logs an
 * error), as if the server were broken. The proxy refuses them first, with the status that says
 * what is wrong: 403 for a cross-site POST, 413 for a body over the limit, 400 for a body that is
 * not what a browser sends. Route handlers under /api/ keep their own protection (next-auth's CSRF
 * token, the bank's HMAC signature) and are left alone.
 */

/** Next's default `serverActions.bodySizeLimit` (next.config.ts does not change it). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export async function refuseBadPost(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const url = new URL(request.url);
  if (url.pathname.startsWith("/api/")) return null;
  const headers = request.headers;
  // The same comparison Next makes (Origin against the forwarded host, else Host). A browser always
  // sends Origin on a cross-site POST; a request without one can't carry a victim's cookies by accident.
  const origin = headers.get("origin");
  if (origin !== null) {
    const host = headers.get("x-forwarded-host") ?? headers.get("host");
    if (!host || originHost(origin) !== host) return refuse(403, "Cross-site request refused.");
  }
  const isAction = headers.has("next-action");
  const type = headers.get("content-type") ?? "";
  const multipart = type.startsWith("multipart/form-data");
  if (!isAction && !multipart) return null;
  if (Number(headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) return refuse(413, "Request too large.");
  if (multipart) {
    const form = await request.clone().formData().catch(() => null);
    if (!form) return refuse(400, "Malformed form.");
    if (isAction && !isReply(form.get("0"), (id) => form.get(id))) return refuse(400, "Malformed request.");
    return null;
  }
  // A fetch action without files: the argument list, JSON-encoded.
  const body = await request.clone().text();
  if (body.length > ACTION_BODY_LIMIT) return refuse(413, "Request too large.");
  return isReply(body, () => null) ? null : refuse(400, "Malformed request.");
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * React's reply format (what `encodeReply` makes of an action's arguments): a JSON array whose
 * strings starting with "$" are references (a user's own "$…" is escaped as "$$…"). A reference
 * to a part the request doesn't carry makes React's decoder fail ("Connection closed"), which Next
 * answers with a 500; so every reference must name a part that exists and is itself well formed.
 * Inline ones need no part: $undefined, $NaN, $Infinity, $-Infinity, $-0, $D<date>, $n<bigint>,
 * $T (a temporary reference), $K<id> (FormData fields "_<id>_…", possibly none) and streams
 * ($R, $r, $X, $x: parts "S<id>…", possibly none).
 */
function isReply(root: unknown, part: (id: string) => FormDataEntryValue | null): boolean {
  if (typeof root !== "string") return false;
  const seen = new Set<string>();
  const wellFormed = (text: string, depth: number): boolean => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    return depth > 20 ? false : refsExist(value, depth);
  };
  const refsExist = (value: unknown, depth: number): boolean => {
    if (typeof value === "string") return !value.startsWith("$") || referenceExists(value, depth);
    if (Array.isArray(value)) return value.every((v) => refsExist(v, depth));
    if (value && typeof value === "object") return Object.values(value).every((v) => refsExist(v, depth));
    return true;
  };
  const referenceExists = (ref: string, depth: number): boolean => {
    if (/^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n|T|[KRrXx][0-9a-f]+$)/.test(ref)) return true;
    const m = /^\$[@QWBFhilAOoUSsLfgdMmV]?([0-9a-f]+)(:.*)?$/.exec(ref);
    if (!m) return false;
    const id = String(parseInt(m[1], 16));
    const value = part(id);
    if (value === null) return false;
    if (typeof value !== "string" || seen.has(id)) return true; // a file, or a part already checked
    seen.add(id);
    return wellFormed(value, depth + 1);
  };
  if (!wellFormed(root, 0)) return false;
  try {
    return Array.isArray(JSON.parse(root));
  } catch {
    return false;
  }
}

const refuse = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
