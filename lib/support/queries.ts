import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { db } from "@/lib/db";

/**
 * The request just submitted, for its confirmation page. The id is a random UUID handed only to
 * the browser that submitted it, so numbers can't be guessed into other people's requests; the
 * page shows nothing personal beyond what that browser typed.
 */
export async function getSubmittedRequest(id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return db.supportRequest.findUnique({ where: { id }, select: { number: true, category: true, reason: true, createdAt: true } });
}

/** What the form fills in for a logged-in customer. */
export async function getSupportPrefill(viewer: Viewer | null) {
  if (!viewer) return undefined;
  const c = await db.customer.findUnique({ where: { id: viewer.customerId }, select: { displayName: true, email: true, customerCode: true } });
  return c ? { name: c.displayName, email: c.email, customerCode: c.customerCode } : undefined;
}
