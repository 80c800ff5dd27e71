import "server-only";
import { cookies } from "next/headers";

// next-auth's session cookie (JWT strategy), split into `.0`, `.1`… when large; `__Secure-` over https.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Ends the session of this browser: the session is a signed cookie and nothing else, so deleting
 * it is the whole of next-auth's sign-out for our JWT sessions (no `events.signOut` is used). Done
 * in a server action, "Esci" needs neither next-auth's client bundle nor JavaScript at all.
 */
export async function endSession() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    // A __Secure- cookie is only replaced by one that is itself Secure.
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
