import "server-only";
import { cookies } from "next/headers";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { ownerEntity, ownerKey, type Owner } from "./owner";
import { readSessionCookie } from "./session-cookie";
import { revokeSessions } from "./session-registry";

// next-auth's session cookie (JWT strategy), split into `.0`, `.1`… when large; `__Secure-` over https.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * "Esci": signs this browser's session out in the registry (so the cookie is worthless even if
 * it was copied) and deletes the cookie. Done in a server action, it needs neither next-auth's
 * client bundle nor JavaScript at all.
 */
export async function endSession() {
  const session = await readSessionCookie().catch(() => null);
  const owner: Owner | null = session?.staffId ? { staffId: session.staffId } : session?.customerId ? { customerId: session.customerId } : null;
  const sessionId = session?.sessionId;
  if (owner && sessionId && /^[0-9a-f-]{36}$/i.test(sessionId)) {
    await db.$transaction(async (tx) => {
      const revoked = await revokeSessions(tx, { owner, only: sessionId, reason: "logout" });
      if (revoked === 0) return;
      await writeAudit(tx, { actor: ownerKey(owner), action: "auth.logout", ...ownerEntity(owner), data: { sessionId } });
    });
  }
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    // A __Secure- cookie is only replaced by one that is itself Secure.
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
