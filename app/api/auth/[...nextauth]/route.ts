import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type RouteHandler = (req: Request, ctx: unknown) => Promise<Response>;

// Options are built per request, not at import: the build imports this module and must not
// need the session secret.
function handler(req: Request, ctx: unknown) {
  return (NextAuth(authOptions()) as RouteHandler)(req, ctx);
}

export { handler as GET, handler as POST };
