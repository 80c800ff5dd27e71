import NextAuth from "next-auth";
import { AUTH_PROVIDERS, authOptions } from "@/lib/auth/options";

type RouteHandler = (req: Request, ctx: unknown) => Promise<Response>;
type Context = { params: Promise<{ nextauth?: string[] }> };

// What the login forms and next-auth's client use. Anything else (an OAuth-style GET callback of
// a credentials provider, an unknown action, a JSON body) makes next-auth throw a 500 that names
// its configuration: it is answered here instead. Not `signout` either: next-auth's would delete
// the cookie and leave the session open in the registry; "Esci" (lib/auth/sign-out.ts) revokes it.
const PROVIDERS = new Set<string>(AUTH_PROVIDERS);
const GET_ACTIONS = new Set(["session", "csrf", "providers", "signin", "error"]);
const POST_ACTIONS = new Set(["signin", "callback", "session", "_log"]);

function refusal(req: Request, segments: string[]): Response | null {
  const [action = "", provider, ...rest] = segments;
  if (req.method === "GET") return GET_ACTIONS.has(action) && provider === undefined ? null : Response.json({ error: "not_found" }, { status: 404 });
  const needsProvider = action === "signin" || action === "callback";
  if (!POST_ACTIONS.has(action) || rest.length > 0 || (needsProvider ? !PROVIDERS.has(provider ?? "") : provider !== undefined)) return Response.json({ error: "not_found" }, { status: 404 });
  if (!(req.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) return Response.json({ error: "unsupported_media_type" }, { status: 415 });
  return null;
}

// Options are built per request, not at import: the build imports this module and must not
// need the session secret.
async function handler(req: Request, ctx: Context) {
  const refused = refusal(req, (await ctx.params).nextauth ?? []);
  if (refused) return refused;
  return (NextAuth(authOptions()) as RouteHandler)(req, ctx);
}

export { handler as GET, handler as POST };
